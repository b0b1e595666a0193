/** What an amount of credits (or any budget) funds: months at the recommended and the all-on-demand run-rates. */
export interface CreditsRunway {
  /** USD. */
  amount: number;
  /** Months at the recommended lanes' monthly cost; null when that costs nothing. */
  monthsInLanes: number | null;
  /** Months with everything on-demand; null when there is no on-demand price, or it costs nothing. */
  monthsAllOnDemand: number | null;
}

export function creditsRunway(amount: number, monthlyInLanes: number, monthlyAllOnDemand: number | null): CreditsRunway {
  const months = (monthly: number | null) => (monthly === null || monthly <= 0 ? null : amount / monthly);
  return { amount, monthsInLanes: months(monthlyInLanes), monthsAllOnDemand: months(monthlyAllOnDemand) };
}
