// A judged reading of the host that runs the nodes (builder/host.ts). Types only.

export interface HostCheck {
  check: 'open-files' | 'inotify' | 'disk';
  ok: boolean;
  reading: string;
  fix?: string;
}
