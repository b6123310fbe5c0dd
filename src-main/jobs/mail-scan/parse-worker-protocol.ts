/**
 * Messages between the mail scan and its parse worker processes (IPC channel, structured clone). The raw bytes go
 * to the worker and the parsed mail comes back: no database on the worker's side, it only reads bytes.
 */
import type { IncomingMail } from '../../services/mail/ingest/parsed-mail';

export interface ParseRequest {
  id: number;
  raw: Uint8Array;
}

export interface ParseReply {
  id: number;
  mail: IncomingMail;
}
