/** CPU and memory from /proc, plus the DMI vendor/product the kernel section printed. */
import type { HardwareFacts } from '../../../../shared/model/scan';
import { keyValues, lines } from '../sections';

export function parseHardware(cpu: string | undefined, mem: string | undefined, kernel: string | undefined): HardwareFacts {
  let cpuCount = 0;
  let cpuModel: string | null = null;
  for (const line of lines(cpu)) {
    const count = /^count=(\d+)/.exec(line);
    if (count) cpuCount = Number(count[1]);
    const model = /^[^:=]+?\s*:\s*(.+)$/.exec(line);
    if (model && !count) cpuModel ??= model[1]!.trim();
  }
  const kb = new Map<string, number>();
  for (const line of lines(mem)) {
    const m = /^(\w+):\s+(\d+)\s*kB/.exec(line);
    if (m) kb.set(m[1]!, Number(m[2]) * 1024);
  }
  const k = keyValues(kernel);
  return {
    cpuModel,
    cpuCount,
    memTotalBytes: kb.get('MemTotal') ?? 0,
    memAvailableBytes: kb.get('MemAvailable') ?? null,
    swapTotalBytes: kb.get('SwapTotal') ?? 0,
    swapFreeBytes: kb.get('SwapFree') ?? 0,
    vendor: k.get('dmi_sys_vendor') || null,
    product: k.get('dmi_product_name') || null,
  };
}
