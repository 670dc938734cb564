/** Containers from `docker ps -a` / `podman ps -a` with a tab-separated --format. */
import type { Container } from '../../../../shared/model/scan';
import { lines, subBlocks } from '../sections';

export function parseContainers(text: string | undefined): Container[] {
  const out: Container[] = [];
  for (const b of subBlocks(text ?? '')) {
    if (b.name !== 'docker' && b.name !== 'podman') continue;
    for (const line of lines(b.body)) {
      const [id, image, name, status, ports] = line.split('\t');
      if (!id || !image) continue;
      out.push({
        runtime: b.name,
        id: id.slice(0, 12),
        image,
        name: name ?? '',
        status: status ?? '',
        running: /^Up\b/i.test(status ?? ''),
        ports: ports ?? '',
      });
    }
  }
  return out;
}
