/**
 * A test hook for the crash tests: with NODE_ENV=test and KARTOTEK_TEST_CRASH_AFTER_SENT=N the process dies
 * (exit 137, as after kill -9) right after committing its Nth `sent` row. Inert anywhere else.
 */
let sentInThisProcess = 0;

export function crashHookAfterSent(): void {
  if (process.env.NODE_ENV !== 'test') return;
  const limit = Number(process.env.KARTOTEK_TEST_CRASH_AFTER_SENT ?? '');
  if (!Number.isInteger(limit) || limit <= 0) return;
  sentInThisProcess += 1;
  if (sentInThisProcess >= limit) process.exit(137);
}
