import { PRICES_AS_OF } from '../prices.ts';

/** Dollars with cents and thousands separators: 1234.5 -> "$1,234.50". */
export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * The wording every cost message uses for a figure from the price table, so no one mistakes it for a bill:
 * "about $7.30/month (estimate, list prices as of 2026-11-01)".
 */
export function monthlyEstimate(amount: number): string {
  return `about ${formatUsd(amount)}/month (estimate, list prices as of ${PRICES_AS_OF})`;
}

/** Rounds to cents, as the engine does, so evidence and messages agree with the finding's figure. */
export function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
