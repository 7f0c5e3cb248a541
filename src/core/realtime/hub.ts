import type { Db } from '../../db/types.js';

/**
 * Real-time messages to signed-in staff (server-sent events). A message goes to one agency's channel and
 * only to the connections whose user holds its permission, so a program can announce a shooting to the
 * people allowed to see exact incident data and nobody else.
 *
 * The hub lives in memory, one per database handle (see {@link realtimeHub}): with several server processes
 * on one PostgreSQL each process only reaches its own connections.
 */
export interface RealtimeMessage {
  /** SSE event name, e.g. 'icap.alert'; prefix with the program id. */
  type: string;
  /** Permission a recipient must hold. */
  permission: string;
  data: unknown;
}

/** A message as delivered: numbered per hub, so a reconnecting browser can ask for what it missed. */
export interface DeliveredMessage extends RealtimeMessage {
  id: number;
  agencyId: number;
  at: number;
}

/** One open stream: its agency, its user's permissions and how to write to it. */
export interface RealtimeClient {
  agencyId: number;
  permissions: ReadonlySet<string>;
  send(message: DeliveredMessage): void;
}

// A browser that lost its connection for up to this long gets the messages it missed on reconnection.
const REPLAY_MS = 5 * 60_000;
const REPLAY_MAX = 100;

export class RealtimeHub {
  private readonly clients = new Set<RealtimeClient>();
  private readonly recent: DeliveredMessage[] = [];
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds a connection; returns its removal. */
  subscribe(client: RealtimeClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  get size(): number {
    return this.clients.size;
  }

  /** Sends to every connection of the agency allowed to see the message; returns how many got it. */
  publish(agencyId: number, message: RealtimeMessage): number {
    const delivered: DeliveredMessage = { ...message, id: this.nextId++, agencyId, at: this.now() };
    this.remember(delivered);
    let count = 0;
    for (const client of this.clients) {
      if (!allowed(client, delivered)) continue;
      try {
        client.send(delivered);
        count += 1;
      } catch {
        // A broken socket is removed by its own close handler; the others still get the message.
      }
    }
    return count;
  }

  /** Messages after `lastId` the client may see (for the Last-Event-ID of a reconnecting browser). */
  missedSince(client: Omit<RealtimeClient, 'send'>, lastId: number): DeliveredMessage[] {
    this.forgetOld();
    return this.recent.filter((m) => m.id > lastId && allowed(client, m));
  }

  private remember(message: DeliveredMessage) {
    this.recent.push(message);
    this.forgetOld();
    if (this.recent.length > REPLAY_MAX) this.recent.splice(0, this.recent.length - REPLAY_MAX);
  }

  private forgetOld() {
    const cutoff = this.now() - REPLAY_MS;
    while (this.recent.length > 0 && this.recent[0].at < cutoff) this.recent.shift();
  }
}

const allowed = (client: Omit<RealtimeClient, 'send'>, message: DeliveredMessage) =>
  client.agencyId === message.agencyId && client.permissions.has(message.permission);

// Keyed by the database handle: the server's routes and the programs' event handlers both have it, and two
// apps in one process (tests) never share connections.
const hubs = new WeakMap<Db, RealtimeHub>();

/** The hub of the server that owns this database handle. */
export function realtimeHub(db: Db): RealtimeHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new RealtimeHub()));
  return hub;
}
