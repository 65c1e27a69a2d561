import type { ShelfcastApp } from '../app/app';

/** What every handler receives besides its validated input. */
export interface HandlerContext {
  app: ShelfcastApp;
}
