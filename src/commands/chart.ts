import { isZeroVolume } from "../core/cost-model/volume.js";
import { costLines, modelCostLines } from "../core/lanes/cost-lines.js";
import { UsageError } from "../errors.js";
import type { Charset } from "../render/charset.js";
import { renderSvgChart } from "../render/chart-svg.js";
import { renderTextChart } from "../render/chart-text.js";
import type { Painter } from "../render/colors.js";
import { writeFileAtomically } from "../writers/write-file-atomically.js";
import type { ChartFormat, CommandResult } from "./command-result.js";
import { type CompareOptions, compareFromFlags } from "./compare.js";

export interface ChartOptions extends Omit<CompareOptions, "format" | "model"> {
  /** One model, or several to draw on one chart. */
  model: string[];
  format: ChartFormat;
  width?: number;
  output?: string;
  force?: boolean;
  ascii?: boolean;
}

export interface ChartSurface {
  /** Columns of the terminal when stdout is one. */
  columns: number | undefined;
  charset(ascii: boolean): Charset;
  paint: Painter;
}

const DEFAULT_WIDTH = 80;
const HEIGHT = 18;

/** Draws monthly cost against monthly volume, in the terminal or as SVG. */
export async function runChart(options: ChartOptions, surface: ChartSurface): Promise<CommandResult> {
  const runs = [];
  for (const model of options.model) runs.push(await compareFromFlags({ ...options, model }));
  const { card, result } = runs[0] as (typeof runs)[number];
  if (isZeroVolume(result.volume))
    throw new UsageError("--input-tokens and --output-tokens are both 0: the chart needs a volume to set the mix of tokens");
  const ids = runs.map((run) => run.result.model.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) throw new UsageError(`--model names ${repeated} twice`);
  const chart = runs.length === 1 ? costLines(result) : modelCostLines(runs.map((run) => run.result));
  const mix =
    result.volume.outputTokens > 0
      ? `${(result.volume.inputTokens / result.volume.outputTokens).toFixed(1)} input : 1 output`
      : "input only";
  const title =
    runs.length === 1
      ? `${result.model.name}: cost against volume`
      : `${runs.map((run) => run.result.model.name).join(", ")}: cost against volume`;
  const subtitle = `${mix}, ${card.region} rates${card.effectiveDate ? ` of ${card.effectiveDate}` : ""}, ${result.hoursPerMonth} hours a month`;
  if (options.format === "svg") {
    const svg = renderSvgChart(chart, title, subtitle);
    if (options.output === undefined) return { stdout: svg, stderr: [], exitCode: 0 };
    writeFileAtomically(options.output, svg, options.force === true, "--output");
    return { stdout: "", stderr: [`wrote ${options.output}`], exitCode: 0 };
  }
  if (options.output !== undefined) throw new UsageError("--output writes SVG: add --format svg");
  const width = options.width ?? surface.columns ?? DEFAULT_WIDTH;
  const text = renderTextChart(chart, {
    width,
    height: HEIGHT,
    charset: surface.charset(options.ascii === true),
    paint: surface.paint,
    title,
    subtitle,
  });
  return { stdout: text, stderr: [], exitCode: 0 };
}
