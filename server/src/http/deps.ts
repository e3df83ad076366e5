// What the HTTP API is built from: storage and tokens (AccessDeps), the rooms,
// tickets, the built board, and the per-address rates of the costly routes.
import type { Logger } from 'pino';
import type { AccessDeps } from '../auth.ts';
import type { CircleEvents } from '../circles/CircleEvents.ts';
import type { CircleSigner } from '../circles/credentials.ts';
import type { ClusterNode } from '../cluster/forwarding.ts';
import type { RoomManager } from '../room/RoomManager.ts';
import type { Tickets } from '../tickets.ts';
import type { AddressRateLimiter } from './rateLimit.ts';

export interface AppDeps extends AccessDeps {
  manager: RoomManager;
  tickets: Tickets;
  clientDist: string;
  version: string;
  log: Logger;
  /** Per-address rates of the costly routes; `tickets` is for minting sync tickets. */
  limits: { create: AddressRateLimiter; join: AddressRateLimiter; tickets: AddressRateLimiter };
  /** Participants a meeting takes, the facilitator included. */
  maxParticipants: number;
  /** Signs and checks circle credentials (docs/circles.md). */
  circleSigner: CircleSigner;
  /** [CI31] The circles' live pages, told of each write. */
  circleEvents: CircleEvents;
  /** Several nodes: requests about a meeting another node owns go there (docs/deploy.md). */
  cluster?: ClusterNode;
  /** What /api/health reports beyond the version: storage, node and leases. */
  health?: () => Promise<Record<string, unknown>>;
}
