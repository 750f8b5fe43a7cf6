/** Where an unreachable endpoint points, by driver: buildkitd itself, or the Docker daemon that runs it. */
function unreachable(driver: string): string {
  return driver === 'docker' || driver === 'docker-container'
    ? "the node's Docker daemon is unreachable: check the endpoint (Docker host or context), that dockerd listens there, and the firewall between the runner and it"
    : 'the endpoint is unreachable: check the address and port, that buildkitd listens there, and the firewall between the runner and the node';
}

/** One hint per cause of a node that did not boot, keyed on what buildx (or our probe) said. */
const HINTS: [RegExp, string | ((driver: string) => string)][] = [
  [
    /too many open files|fsnotify|inotify/i,
    'raise the open-file limit (ulimit -n) and fs.inotify.max_user_instances on the host; BuildKit ≥ 0.20.1 fixes the CDI fsnotify panic',
  ],
  [
    /x509|certificate|tls:|handshake failure|cacert|bad certificate/i,
    "check the node's TLS material: cacert/cert/key driver-opts (or BUILDER_NODE_<i>_AUTH_TLS_* variables) and that the certificate names the endpoint's host",
  ],
  [
    /pull|manifest|image|registry|toomanyrequests|unauthorized/i,
    "the BuildKit image could not be pulled: check the runner's registry access, log in, or set driver-opts image=<mirror>/moby/buildkit",
  ],
  [
    /unable to parse docker host|context .*not found|no such context/i,
    "the node's Docker context or host does not exist on this runner: create the context first, or use a URL endpoint",
  ],
  [/permission denied/i, 'the runner user cannot reach the endpoint (socket permissions or file modes)'],
  [
    /connection refused|no such host|i\/o timeout|deadline exceeded|no route to host|network is unreachable|did not boot within|connection reset/i,
    unreachable,
  ],
];

/** The hint for a node's failure reason, worded for its driver. */
export function hintFor(reason: string, driver: string): string {
  const hint = HINTS.find(([re]) => re.test(reason))?.[1];
  if (typeof hint === 'function') return hint(driver);
  return (
    hint ??
    'run with debug logging (in a workflow: ACTIONS_STEP_DEBUG; on the command line: --debug) to see what buildx said'
  );
}
