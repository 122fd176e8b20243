#!/usr/bin/env bash
# Installs what the project needs beyond the .NET 10 SDK on a fresh Debian 12 machine: the real FashionMNIST
# (Debian package dataset-fashion-mnist, IDX files under /usr/share/datasets/fashion-mnist). Best effort: without
# root or a package mirror, the commands fall back to the built-in synthetic data and say so.
set -u
if [ -d /usr/share/datasets/fashion-mnist ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing dataset-fashion-mnist" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist) >/dev/null 2>&1 \
    || echo "setup: could not install dataset-fashion-mnist; using synthetic data" >&2
else
  echo "setup: FashionMNIST not installed (sudo apt-get install dataset-fashion-mnist); using synthetic data" >&2
fi
exit 0
