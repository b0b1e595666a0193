import { TERM_RATE_KEYS, type Term } from "../cost-model/terms.js";
import type { ModelRates, UnitThroughput } from "./rate-card.js";

export interface UnitOverrides {
  /** A quoted hourly price per unit for one term. */
  hourly?: { term: Term; rate: number } | undefined;
  inputTpm?: number | undefined;
  outputTpm?: number | undefined;
}

/** The model with a run's own PT price and unit throughput laid over its rates, field by field. */
export function withUnitOverrides(model: ModelRates, overrides: UnitOverrides): ModelRates {
  const { hourly, inputTpm, outputTpm } = overrides;
  if (!hourly && inputTpm === undefined && outputTpm === undefined) return model;
  const hourlyPerUnit = { ...model.provisioned?.hourlyPerUnit };
  if (hourly) hourlyPerUnit[TERM_RATE_KEYS[hourly.term]] = hourly.rate;
  const throughput: Partial<UnitThroughput> = { ...model.provisioned?.unitThroughput };
  if (inputTpm !== undefined) throughput.inputTpm = inputTpm;
  if (outputTpm !== undefined) throughput.outputTpm = outputTpm;
  const hasThroughput = throughput.inputTpm !== undefined || throughput.outputTpm !== undefined;
  return {
    ...model,
    provisioned: {
      hourlyPerUnit,
      ...(hasThroughput ? { unitThroughput: throughput as UnitThroughput } : {}),
    },
  };
}
