export const PRIORITY_COLOR: Record<'urgent' | 'high' | 'medium' | 'low', 'error' | 'warning' | 'info' | 'default'> = {
  urgent: 'error',
  high: 'warning',
  medium: 'info',
  low: 'default',
};

export const PRIORITY_HELP: Record<'urgent' | 'high' | 'medium' | 'low', string> = {
  urgent: 'Likely to run out before an order placed today can arrive',
  high: 'Likely to run out before the next review',
  medium: 'At or below the reorder point: order now',
  low: 'Enough stock for now',
};
