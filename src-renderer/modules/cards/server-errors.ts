import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ContractError } from '../../../src-shared/contract';

/** Puts main's field-level messages (INVALID_INPUT) under the inputs they belong to. */
export function showServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): void {
  if (!(error instanceof ContractError) || !error.fields) return;
  for (const [path, message] of Object.entries(error.fields)) setError(path as Path<T>, { message });
}
