#!/usr/bin/env bash
# The GitHub Action's step (action.yml): runs `bedrock-cost check` with the action's inputs, from
# INPUT_PLAN, INPUT_TERRAFORM, INPUT_BASELINE and INPUT_FORMAT. It also writes the markdown report
# to a file named in the step's `report` output (for a pull-request comment), and exits with check's
# exit code: 0 passes, 1 fails on an error finding, 2 is bad input. Run it locally with the same
# variables, GITHUB_ACTION_PATH set to this repository and RUNNER_TEMP to a folder.
set -uo pipefail
cli="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH: the folder of the action (this repository)}/dist/cli.cjs"
plan="${INPUT_PLAN:?INPUT_PLAN: the plan file to check}"
args=(check "$plan")
[[ -n "${INPUT_TERRAFORM:-}" ]] && args+=(--terraform "$INPUT_TERRAFORM")
[[ -n "${INPUT_BASELINE:-}" ]] && args+=(--baseline "$INPUT_BASELINE")

# The markdown report, for the comment step; the exit code comes from the run in the asked format.
report="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/bedrock-cost-report.md"
node "$cli" "${args[@]}" --format markdown >"$report" 2>/dev/null
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then echo "report=$report" >>"$GITHUB_OUTPUT"; fi

node "$cli" "${args[@]}" --format "${INPUT_FORMAT:-github}"
status=$?
# github appends the report to the job summary itself; markdown's report is appended here.
if [[ "${INPUT_FORMAT:-github}" == "markdown" && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then cat "$report" >>"$GITHUB_STEP_SUMMARY"; fi
exit "$status"
