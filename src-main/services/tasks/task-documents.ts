import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { auditTask, linkedCards, liveTask, type TaskChange } from './task-store';
import { checkAndHash, insertNewDocument, type Actor, type IncomingFile } from '../documents/document-writes';
import { signalTextQueue } from '../documents/text-extraction-signal';
import { assigneesOf } from './task-notify';

/** Documents of the tasks module arrive through the task screen's file picker. */
const TASK_DOCUMENT_SOURCE = 'picker';

/**
 * Attaches a file to a task as a new document: stored once like any other (its text extracted and searchable),
 * filed on the task, not on a card. Hashing happens before the transaction (it streams the file).
 */
export async function attachFileToTask(
  db: Db,
  actor: Actor,
  input: { taskId: string; file: IncomingFile },
): Promise<TaskChange> {
  liveTask(db, input.taskId);
  const blob = await checkAndHash(input.file);
  const change = writeTransaction(db, () => {
    const task = liveTask(db, input.taskId);
    const { documentId, mimeType } = insertNewDocument(db, actor, input.file, blob, TASK_DOCUMENT_SOURCE);
    stmt(db, 'insert into task_documents (task_id, document_id) values (?, ?)').run(task.id, documentId);
    auditTask(db, actor, 'document_add', task.id, [], undefined, {
      documentId,
      name: input.file.fileName,
      mimeType,
      size: blob.size,
    });
    return {
      taskId: task.id,
      cards: linkedCards(db, task.id),
      assigneeIds: assigneesOf(db, task.id),
      notifiedUserIds: [],
    };
  });
  signalTextQueue(db);
  return change;
}
