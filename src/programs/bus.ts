import { EventBus, subscribePrograms } from '../core/events/bus.js';
import { programs } from './registry.js';

/**
 * A core event bus with every program's `on` handlers subscribed: what `serve` builds for the server, and
 * what a command working without a server (`bridges import incidents`) builds so that incidents it records
 * open walks and raise alerts exactly as an upload through the server would.
 */
export function programEventBus(onError: (event: string, error: unknown) => void): EventBus {
  return subscribePrograms(new EventBus(onError), programs);
}
