import type { Command } from "commander";
import type { Terminal } from "../terminal.js";
export function registerEncrypt(_p: Command, _t: Terminal): void {}
export function registerDecrypt(_p: Command, _t: Terminal): void {}
