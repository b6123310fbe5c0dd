/** What a delivery report says: which recipients failed and why, and which sent mail it is about. */
export interface BounceRecipient {
  /** Lower-case. */
  address: string;
  /** The enhanced status code (5.1.1) when given. */
  status: string | null;
  /** The server's words, cut to a readable length. */
  reason: string;
}

export interface BounceReport {
  /** dsn (multipart/report) or the non-standard format recognised. */
  format: 'dsn' | 'qmail' | 'postfix' | 'exchange' | 'gmail' | 'generic';
  recipients: BounceRecipient[];
  /** Message-IDs of the original mail found in the report (quoted headers, In-Reply-To, References). */
  originalMessageIds: string[];
  /** X-Kartotek-Reference values found in the quoted headers. */
  references: string[];
}
