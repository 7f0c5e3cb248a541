import type { Db } from '../../db/types.js';

/**
 * Core events: how programs learn of things without importing each other. Core publishes, programs
 * subscribe through their manifest's `on`. Handlers run after the publishing transaction committed, so
 * they see the data; a failing handler is logged and never undoes the publisher's work.
 */
export interface CoreEvents {
  /**
   * Incidents committed, ids in the agency: new ones from the API, and from an import batch the rows it
   * inserted or changed (a re-import that turns a robbery into a shooting announces it again). Handlers
   * decide what qualifies and must be idempotent: the same id may be announced more than once.
   */
  'incidents.recorded': { agencyId: number; incidentIds: number[] };
  /**
   * A program gave people help of a kind a service directory may list (e.g. a walk team handed out a crisis
   * line at a door). A directory program may record referrals from it; without one, nothing happens.
   * Published again when the same records are sent again: subscribers must be idempotent on sourceRef.
   */
  'referrals.given': ReferralsGiven;
}

export interface ReferralsGiven {
  agencyId: number;
  /** The publishing program's id, e.g. 'walks'. */
  sourceProgram: string;
  /** Who recorded it (audit): a staff user of the agency. */
  actor: { userId: number; label: string };
  items: Array<{
    /** The publisher's record id (a visit id): ids only, never what was said. */
    sourceRef: string;
    /** A need code of the directory ('crisis', 'victim_services', 'youth'…). */
    need: string;
    /** The day it was given (YYYY-MM-DD). */
    on: string;
    /** Where, to prefer a service that covers the place; null when unknown. */
    lon: number | null;
    lat: number | null;
  }>;
}

export type CoreEventName = keyof CoreEvents;
export type EventHandler<E extends CoreEventName> = (payload: CoreEvents[E], ctx: { db: Db }) => Promise<void>;
export type EventHandlers = { [E in CoreEventName]?: EventHandler<E> };

type AnyHandler = (payload: unknown, ctx: { db: Db }) => Promise<void>;

export class EventBus {
  private readonly handlers = new Map<CoreEventName, AnyHandler[]>();
  constructor(private readonly onError: (event: string, error: unknown) => void = () => undefined) {}

  on<E extends CoreEventName>(event: E, handler: EventHandler<E>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler as AnyHandler);
    this.handlers.set(event, list);
    return () => { this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler)); };
  }

  /** Runs every handler of the event in turn and waits for them. */
  async publish<E extends CoreEventName>(event: E, payload: CoreEvents[E], ctx: { db: Db }): Promise<void> {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        await handler(payload, ctx);
      } catch (error) {
        this.onError(event, error);
      }
    }
  }
}

/** Subscribes every program's manifest handlers on a bus. */
export function subscribePrograms(bus: EventBus, programs: ReadonlyArray<{ on?: EventHandlers }>): EventBus {
  for (const program of programs) {
    for (const [event, handler] of Object.entries(program.on ?? {})) {
      bus.on(event as CoreEventName, handler as EventHandler<CoreEventName>);
    }
  }
  return bus;
}
