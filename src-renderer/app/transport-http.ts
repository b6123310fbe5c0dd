import type { CallResult, ContractEvent } from '../../src-shared/contract';
import type { Transport } from './transport';

const SECRET_HEADER = 'x-kartotek-secret';
const STORAGE_KEY = 'kartotek.secret';

/**
 * The per-run secret arrives in the URL fragment (#k=…), which browsers never
 * send to a server. It is kept for this tab only and removed from the address
 * bar so it does not end up in screenshots or bookmarks.
 */
export function takeSecretFromLocation(): string | null {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(STORAGE_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search + '#/');
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

/** `origin` is empty in the page (same-origin calls); tests running outside a browser pass the host's address. */
export function httpTransport(secret: string, origin = ''): Transport {
  const headers = { 'Content-Type': 'application/json', [SECRET_HEADER]: secret };
  const events = sharedEventStream(origin, headers);
  return {
    async call(method, input) {
      try {
        const res = await fetch(`${origin}/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as CallResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Kartotek sunucusuna ulaşılamıyor.' } };
      }
    },
    subscribe: events.subscribe,
  };
}

interface Subscriber {
  listener: (event: ContractEvent) => void;
  onResync: (() => void) | undefined;
}

/**
 * One event stream for every subscriber of the page. A stream per subscriber would hold one of the browser's
 * six connections to the host each (HTTP/1.1), and with a handful of live screens the calls would queue forever.
 */
function sharedEventStream(origin: string, headers: Record<string, string>): Pick<Transport, 'subscribe'> {
  const subscribers = new Set<Subscriber>();
  let controller: AbortController | null = null;
  const each = (fn: (s: Subscriber) => void) => {
    for (const s of [...subscribers]) {
      try {
        fn(s);
      } catch {
        // One failing listener must not keep the event from the others.
      }
    }
  };
  return {
    subscribe(listener, onResync) {
      const subscriber = { listener, onResync };
      subscribers.add(subscriber);
      if (!controller) {
        controller = new AbortController();
        void readEvents(
          origin,
          headers,
          controller.signal,
          (event) => each((s) => s.listener(event)),
          () => each((s) => s.onResync?.()),
        );
      }
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0 && controller) {
          controller.abort();
          controller = null;
        }
      };
    },
  };
}

/** Server-sent events read with fetch (EventSource cannot send the secret header); reconnects after drops. */
async function readEvents(
  origin: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  listener: (event: ContractEvent) => void,
  onResync: () => void,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const res = await fetch(`${origin}/api/events`, { headers, signal });
      if (!res.ok || !res.body) throw new Error(String(res.status));
      // Events sent before this connection are lost: those of a drop, and on the FIRST connection those sent
      // between a screen's first fetch and the stream opening (a document read as "pending" whose "done"
      // came too early). Refetching after every connection, not only after a drop, closes both gaps.
      onResync();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) listener(JSON.parse(data) as ContractEvent);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
