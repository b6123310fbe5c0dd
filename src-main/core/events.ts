import type { ContractEvent, EventName, EventPayload } from '../../src-shared/contract';

type Listener = (event: ContractEvent) => void;

/**
 * Events from services to whoever listens (the hosts forward them to the
 * renderer). Services emit after their transaction committed.
 */
export class EventBus {
  private listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as ContractEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (e.g. a closed window) must not break the write that emitted.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
