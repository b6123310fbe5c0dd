/** The person's profile lists: hobbies, associations, schools, relatives, languages, measurements. */
export function ProfilePanel(_props: { personId: string; readOnly: boolean }) {
  return null;
}
