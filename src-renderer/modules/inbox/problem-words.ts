import type { TFunction } from 'i18next';
import type { FileError, FileProblem, FolderProblem } from '../../../src-shared/contract/inbox';

/**
 * Main sends why a folder or a file is a problem as a code with its values; the
 * words are the screen's, in the user's language.
 */
function errorWords(t: TFunction, error: FileError | null, detail: string | null): string {
  return error ? t(`inbox.fileErrors.${error}`, { detail: detail ?? '' }) : (detail ?? '');
}

export function folderProblemText(t: TFunction, problem: FolderProblem): string {
  return t(`inbox.folders.problems.${problem.code}`, { reason: errorWords(t, problem.error, problem.detail) });
}

export function fileProblemText(t: TFunction, problem: FileProblem): string {
  return t(`inbox.fileProblems.${problem.code}`, {
    path: problem.path,
    reason: errorWords(t, problem.error, problem.detail),
  });
}
