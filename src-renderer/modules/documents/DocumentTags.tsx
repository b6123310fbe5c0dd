import { Badge, Group } from '@mantine/core';

/** A document's tags. (Placeholder: shown only; editing lands with the tag editor.) */
export function DocumentTags({ tags }: { documentId: string; tags: string[]; editable?: boolean }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" size="sm">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
