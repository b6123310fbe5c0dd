/**
 * The two IPC channels between main and the preload. Kept in a file of their own
 * so the preload bundle pulls in nothing else from main.
 */
/** Renderer → main: `invoke(CALL_CHANNEL, method, input)` answers with a CallResult. */
export const CALL_CHANNEL = 'kartotek:call';
/** Main → renderer: `send(EVENT_CHANNEL, contractEvent)` after a service emitted. */
export const EVENT_CHANNEL = 'kartotek:event';
