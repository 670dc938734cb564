/** systemd unit and container id from a cgroup path (from /proc/PID/cgroup or `ss -e`). */

export function fromCgroupPath(path: string): { unit: string | null; container: string | null } {
  const container =
    /(?:docker|libpod|cri-containerd|crio)-([0-9a-f]{12,64})\.scope/.exec(path)?.[1] ??
    /\/(?:docker|lxc)\/([0-9a-f]{12,64})/.exec(path)?.[1] ??
    null;
  if (container) return { unit: null, container: container.slice(0, 12) };
  const segments = path.split('/').filter(Boolean);
  // The innermost .service wins (user@1000.service/app.slice/foo.service -> foo.service).
  const unit = [...segments].reverse().find((s) => s.endsWith('.service') || s.endsWith('.scope')) ?? null;
  return { unit, container: null };
}
