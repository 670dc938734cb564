/**
 * What we know about common server software: how to recognise it (systemd unit, process name,
 * command line) and which packages carry its version. First matching rule wins, so specific
 * products come before generic interpreters ("python app" last).
 */
import type { ServiceKind } from '../../../shared/model/scan';

export interface ProductRule {
  product: string;
  kind: ServiceKind;
  unit?: RegExp; // systemd unit / OpenRC service name, without ".service"
  proc?: RegExp; // process name (exe basename or argv0 basename)
  args?: RegExp; // full command line
  packages: RegExp[]; // in order of preference
}

export const PRODUCTS: ProductRule[] = [
  {
    product: 'nginx',
    kind: 'web',
    unit: /^nginx$/,
    proc: /^nginx$/,
    packages: [/^nginx-(core|light|full|extras)$/, /^nginx$/, /^nginx-mainline$/],
  },
  {
    product: 'apache',
    kind: 'web',
    unit: /^(apache2|httpd)(@.*)?$/,
    proc: /^(apache2|httpd)$/,
    packages: [/^apache2-bin$/, /^apache2$/, /^httpd$/, /^httpd-core$/],
  },
  { product: 'haproxy', kind: 'web', unit: /^haproxy$/, proc: /^haproxy$/, packages: [/^haproxy$/] },
  { product: 'caddy', kind: 'web', unit: /^caddy$/, proc: /^caddy$/, packages: [/^caddy$/] },
  { product: 'traefik', kind: 'web', unit: /^traefik$/, proc: /^traefik$/, packages: [/^traefik$/] },
  { product: 'varnish', kind: 'cache', unit: /^varnish$/, proc: /^varnishd$/, packages: [/^varnish$/] },
  {
    product: 'postgresql',
    kind: 'database',
    unit: /^postgresql(@.*|-\d+)?$/,
    proc: /^(postgres|postmaster)$/,
    packages: [/^postgresql-\d+$/, /^postgresql\d*-server$/, /^postgresql\d+$/, /^postgresql$/],
  },
  {
    product: 'mariadb',
    kind: 'database',
    unit: /^mariadb$/,
    proc: /^mariadbd$/,
    packages: [/^mariadb-server-core/, /^mariadb-server/, /^mariadb$/],
  },
  {
    product: 'mysql',
    kind: 'database',
    unit: /^mysqld?$/,
    proc: /^mysqld$/,
    packages: [/^mysql-server-core/, /^mysql-(community-)?server/, /^mariadb-server/, /^mysql$/],
  },
  { product: 'mongodb', kind: 'database', unit: /^mongod$/, proc: /^mongod$/, packages: [/^mongodb-org-server$/, /^mongodb(-server)?$/] },
  {
    product: 'elasticsearch',
    kind: 'database',
    unit: /^(elasticsearch|opensearch)$/,
    args: /org\.(elasticsearch|opensearch)\.bootstrap/,
    packages: [/^(elasticsearch|opensearch)$/],
  },
  { product: 'redis', kind: 'cache', unit: /^redis(-server)?(@.*)?$/, proc: /^redis-server$/, packages: [/^redis-server$/, /^redis\d*$/] },
  { product: 'valkey', kind: 'cache', unit: /^valkey(-server)?$/, proc: /^valkey-server$/, packages: [/^valkey(-server)?$/] },
  { product: 'memcached', kind: 'cache', unit: /^memcached$/, proc: /^memcached$/, packages: [/^memcached$/] },
  { product: 'rabbitmq', kind: 'queue', unit: /^rabbitmq-server$/, args: /-s rabbit\b|rabbitmq/, packages: [/^rabbitmq-server$/] },
  { product: 'kafka', kind: 'queue', unit: /^kafka$/, args: /kafka\.Kafka\b/, packages: [/^(confluent-)?kafka/] },
  { product: 'nats', kind: 'queue', unit: /^nats(-server)?$/, proc: /^nats-server$/, packages: [/^nats-server$/] },
  { product: 'mosquitto', kind: 'queue', unit: /^mosquitto$/, proc: /^mosquitto$/, packages: [/^mosquitto$/] },
  {
    product: 'postfix',
    kind: 'mail',
    unit: /^postfix(@.*)?$/,
    args: /postfix\/(sbin|libexec)\/master|^\/usr\/lib\/postfix/,
    packages: [/^postfix$/],
  },
  { product: 'exim', kind: 'mail', unit: /^exim4?$/, proc: /^exim4?$/, packages: [/^exim4-daemon/, /^exim$/] },
  { product: 'dovecot', kind: 'mail', unit: /^dovecot$/, proc: /^dovecot$/, packages: [/^dovecot-core$/, /^dovecot$/] },
  { product: 'sshd', kind: 'ssh', unit: /^sshd?$/, proc: /^sshd(\.pam)?$/, packages: [/^openssh-server$/, /^openssh$/] },
  { product: 'bind', kind: 'dns', unit: /^(named|bind9)$/, proc: /^named$/, packages: [/^bind9$/, /^bind$/] },
  { product: 'unbound', kind: 'dns', unit: /^unbound$/, proc: /^unbound$/, packages: [/^unbound$/] },
  { product: 'dnsmasq', kind: 'dns', unit: /^dnsmasq$/, proc: /^dnsmasq$/, packages: [/^dnsmasq(-base)?$/] },
  {
    product: 'systemd-resolved',
    kind: 'dns',
    unit: /^systemd-resolved$/,
    proc: /^systemd-resolve/,
    packages: [/^systemd-resolved$/, /^systemd$/],
  },
  { product: 'prometheus', kind: 'monitoring', unit: /^prometheus$/, proc: /^prometheus$/, packages: [/^prometheus$/] },
  {
    product: 'node_exporter',
    kind: 'monitoring',
    unit: /^(prometheus-)?node[-_]exporter$/,
    proc: /^(prometheus-)?node[-_]exporter$/,
    packages: [/^prometheus-node-exporter$/, /^node_exporter$/],
  },
  { product: 'grafana', kind: 'monitoring', unit: /^grafana(-server)?$/, proc: /^grafana(-server)?$/, packages: [/^grafana$/] },
  { product: 'zabbix-agent', kind: 'monitoring', unit: /^zabbix-agent2?$/, proc: /^zabbix_agent(d|2)$/, packages: [/^zabbix-agent2?$/] },
  { product: 'telegraf', kind: 'monitoring', unit: /^telegraf$/, proc: /^telegraf$/, packages: [/^telegraf$/] },
  { product: 'netdata', kind: 'monitoring', unit: /^netdata$/, proc: /^netdata$/, packages: [/^netdata$/] },
  { product: 'snmpd', kind: 'monitoring', unit: /^snmpd$/, proc: /^snmpd$/, packages: [/^snmpd$/, /^net-snmp$/] },
  { product: 'php-fpm', kind: 'app', unit: /^php[\d.]*-fpm$/, proc: /^php-fpm[\d.]*$/, packages: [/^php[\d.]*-fpm$/, /^php-fpm$/] },
  {
    product: 'java app',
    kind: 'app',
    proc: /^java$/,
    packages: [/^openjdk-\d+-jre-headless$/, /^java-[\d.]+-openjdk-headless$/, /^openjdk\d+-jre/],
  },
  { product: 'node app', kind: 'app', proc: /^(node|nodejs)$/, packages: [/^nodejs$/] },
  {
    product: 'python app',
    kind: 'app',
    proc: /^(python[\d.]*|gunicorn|uwsgi|uvicorn)$/,
    packages: [/^python3\.\d+-minimal$/, /^python3\.\d+$/, /^python3$/, /^python3-base$/],
  },
  { product: 'ruby app', kind: 'app', proc: /^(ruby[\d.]*|puma|unicorn|passenger)$/, packages: [/^ruby[\d.]+$/, /^ruby$/] },
  { product: 'dotnet app', kind: 'app', proc: /^dotnet$/, packages: [/^(dotnet|aspnetcore)-runtime/] },
];

/** Upstream version from a package version: epoch and distro revision removed (1:1.20.1-14.el9 -> 1.20.1). */
export function upstreamVersion(packageVersion: string): string {
  const noEpoch = packageVersion.replace(/^\d+:/, '');
  const cut = noEpoch.lastIndexOf('-');
  return cut > 0 ? noEpoch.slice(0, cut) : noEpoch;
}
