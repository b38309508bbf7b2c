import type { Command } from "commander";
import type { Terminal } from "../terminal.js";
export function registerPlan(_p: Command, _t: Terminal): void {}
