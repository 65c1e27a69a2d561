/** IPC channel names shared by main and preload. */
export const INVOKE_CHANNEL = 'shelfcast:invoke';
export const DROP_CHANNEL = 'shelfcast:drop';
export const eventChannel = (event: string) => `shelfcast:event:${event}`;
