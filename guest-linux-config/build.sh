#!/usr/bin/env bash
# Builds the rvhv Linux guest: a Linux 6.12 `Image` and a static busybox
# `initramfs.cpio.gz`, both from Debian's source packages, into
#   ${XDG_CACHE_HOME:-~/.cache}/rvhv/guest/<key>/
# where <key> hashes every file in this directory plus the versions of the
# Debian packages that go into the result. With unchanged inputs a second run
# builds nothing and prints the same directory.
#
#   build.sh              build if needed; progress on stderr, the directory on stdout
#   build.sh --print-key  print the cache key of the current inputs
#   build.sh --print-dir  print the output directory of the current inputs (built or not)
#   build.sh --machine    everything as tab-separated records on stdout (for src/guest):
#                         phase, progress, log, message, error, done
#
# Installing missing Debian packages needs root (as in CI); everything else runs
# as any user. Environment: RVHV_GUEST_JOBS (make -j, default 2),
# RVHV_GUEST_KEEP_WORK=1 keeps the 2 GB work tree after a successful build.
set -euo pipefail
umask 022
export DEBIAN_FRONTEND=noninteractive

CONFIG_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE_ROOT=${XDG_CACHE_HOME:-$HOME/.cache}/rvhv/guest
WORK=$CACHE_ROOT/work
LOG=$WORK/build.log
JOBS=${RVHV_GUEST_JOBS:-2}
ARCH_MAKE=(ARCH=riscv CROSS_COMPILE=riscv64-linux-gnu-)

# Debian packages the build needs; the first four are compiled into the result
# and their versions are part of the cache key (with busybox's source version).
KEY_PACKAGES=(linux-source-6.12 gcc-riscv64-linux-gnu libc6-dev-riscv64-cross binutils-riscv64-linux-gnu)
TOOL_PACKAGES=(gcc libc6-dev make bc bison flex libssl-dev libelf-dev xz-utils bzip2 gzip patch dpkg-dev)
LINUX_TARBALL=/usr/src/linux-source-6.12.tar.xz

# Steps (kbuild's "  CC  file.o" lines) a full build prints, measured with
# Linux 6.12.117 and busybox 1.35.0: only used to show a percentage.
KERNEL_STEPS=1070
BUSYBOX_STEPS=640

PHASES=6
MODE=human
case "${1:-}" in
  --print-key | --print-dir | --machine) MODE=${1#--} ;;
  "") ;;
  *) echo "usage: build.sh [--print-key | --print-dir | --machine]" >&2; exit 2 ;;
esac

# ---------- output ----------

# say: a line for the person watching; fail_line: a line of an error report.
say() {
  if [[ $MODE == machine ]]; then printf 'message\t%s\n' "$*"; else echo "rvhv guest: $*" >&2; fi
}
fail_line() {
  if [[ $MODE == machine ]]; then printf 'error\t%s\n' "$*"; else echo "rvhv guest: $*" >&2; fi
}

die() {
  fail_line "error: $*"
  [[ -f $LOG ]] && fail_line "full log: $LOG"
  exit 1
}

phase_no=0
phase() {
  phase_no=$((phase_no + 1))
  last_decile=-1
  if [[ $MODE == machine ]]; then
    printf 'phase\t%d\t%d\t%s\n' "$phase_no" "$PHASES" "$1"
  else
    echo "[$phase_no/$PHASES] $1" >&2
  fi
  printf '\n==== [%d/%d] %s\n' "$phase_no" "$PHASES" "$1" >>"$LOG"
}

# progress DONE TOTAL ELAPSED_SECONDS: a bar redrawn in place on a terminal,
# a line per 10% otherwise, a record in machine mode.
progress() {
  local done=$1 total=$2 secs=$3 pct
  pct=$((done * 100 / total))
  ((pct > 99)) && pct=99
  if [[ $MODE == machine ]]; then
    printf 'progress\t%d\t%d\n' "$done" "$total"
  elif [[ -t 2 ]]; then
    local fill=$((pct / 5))
    printf '\r      [%-20s] %3d%%  %d steps  %dm%02ds ' \
      "$(printf '%*s' "$fill" '' | tr ' ' '#')" "$pct" "$done" $((secs / 60)) $((secs % 60)) >&2
  elif ((pct / 10 > last_decile)); then
    last_decile=$((pct / 10))
    printf '      %3d%%  %d steps  %dm%02ds\n' "$pct" "$done" $((secs / 60)) $((secs % 60)) >&2
  fi
}

# run_counted TOTAL CMD...: runs CMD in the background with its output in the
# log, showing progress from the count of kbuild step lines it has printed.
run_counted() {
  local total=$1 start mark pid rc=0 done=0 shown=-1
  shift
  start=$SECONDS
  mark=$(wc -l <"$LOG")
  "$@" >>"$LOG" 2>&1 &
  pid=$!
  # A build stopped half-way must not leave make running behind us.
  trap 'kill "$pid" 2>/dev/null' EXIT
  trap 'exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    done=$(tail -n "+$((mark + 1))" "$LOG" | grep -c '^  [A-Z][A-Z0-9_]* ' || true)
    if ((done != shown)); then
      progress "$done" "$total" $((SECONDS - start))
      shown=$done
    fi
    sleep 1
  done
  wait "$pid" || rc=$?
  trap - EXIT INT TERM
  [[ $MODE == human && -t 2 ]] && echo >&2
  echo "---- $((SECONDS - start)) s, exit $rc: $*" >>"$LOG"
  return "$rc"
}

# run CMD...: a step with no useful progress count; output goes to the log.
run() {
  echo "---- $*" >>"$LOG"
  "$@" >>"$LOG" 2>&1
}

# ---------- cache key ----------

# The versions of what is compiled into the result; empty fields when absent.
package_versions() {
  dpkg-query -W -f 'package ${Package} ${Version}\n' "${KEY_PACKAGES[@]}" 2>/dev/null || true
  printf 'source busybox %s\n' "$(busybox_source_version)"
  printf 'compiler %s\n' "$(riscv64-linux-gnu-gcc --version 2>/dev/null | head -n 1 || true)"
}

busybox_source_version() {
  apt-cache showsrc --only-source busybox 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1
}

# Every file of this directory by path and content, then the package versions.
key_inputs() {
  (cd "$CONFIG_DIR" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  package_versions
}

cache_key() { key_inputs | sha256sum | cut -c 1-16; }

case $MODE in
  print-key) cache_key; exit 0 ;;
  print-dir) echo "$CACHE_ROOT/$(cache_key)"; exit 0 ;;
esac

# finish DIR CACHED: report the result.
finish() {
  if [[ $MODE == machine ]]; then
    printf 'done\t%s\t%s\n' "$1" "$2"
  else
    echo "$1"
  fi
}

built() { [[ -f $1/versions.txt && -f $1/Image && -f $1/initramfs.cpio.gz ]]; }

mkdir -p "$CACHE_ROOT"
# One build at a time per cache: a second caller waits, then finds the result.
exec 9>"$CACHE_ROOT/.lock"
if ! flock -n 9; then
  say "another build is running; waiting for it"
  flock 9
fi

KEY=$(cache_key)
OUT=$CACHE_ROOT/$KEY
if built "$OUT"; then
  say "up to date ($OUT)"
  finish "$OUT" 1
  exit 0
fi

build_start=$SECONDS
rm -rf "$WORK"
mkdir -p "$WORK"
: >"$LOG"
[[ $MODE == machine ]] && printf 'log\t%s\n' "$LOG"
say "building the guest (log: $LOG)"

# ---------- 1. Debian packages ----------

phase "Debian packages"

missing_packages() {
  local p
  for p in "$@"; do
    [[ $(dpkg-query -W -f '${db:Status-Abbrev}' "$p" 2>/dev/null) == "ii " ]] || echo "$p"
  done
}

need_root() {
  [[ $(id -u) == 0 ]] || die "$1 needs root; run build.sh as root or: sudo $2"
}

# The Debian indexes apt already uses, as "URI suite component" (any mirror).
debian_indexes() {
  apt-cache policy | awk '
    /^ *[0-9]+ [a-z+]+:\/\/.* Packages$/ { split($3, sc, "/"); uri = $2; suite = sc[1]; comp = sc[2]; next }
    /^ *release / && /o=Debian,/ && uri != "" { print uri, suite, comp }
    { uri = "" }' | sort -u
}

# linux-source-6.12 is in bookworm-security; a machine without it there gets
# it from bookworm-backports, which this adds to apt's sources.
if [[ -z $(apt-cache policy linux-source-6.12 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -v '(none)') ]]; then
  need_root "enabling bookworm-backports" "bash $0"
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  uri=$(debian_indexes | awk -v s="$codename" '$2 == s && $3 == "main" { print $1; exit }')
  [[ -n $uri ]] || die "no Debian $codename index in apt's sources to derive the backports entry from"
  say "linux-source-6.12 is not in apt's sources: adding $codename-backports ($uri)"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [[ -f $keyring ]] || keyring=
  echo "deb ${keyring:+[signed-by=$keyring] }$uri $codename-backports main" \
    >/etc/apt/sources.list.d/rvhv-guest-backports.list
  run apt-get update || die "apt-get update failed"
fi

# busybox comes as a Debian source package: enable deb-src the way Debian's
# documentation does, next to the deb entries of Debian's own sources files
# (a copy keeps each entry's options, such as signed-by, which apt requires
# to agree between deb and deb-src of one suite).
if [[ -z $(busybox_source_version) ]]; then
  need_root "enabling Debian source packages (deb-src)" "bash $0"
  deb822=/etc/apt/sources.list.d/debian.sources
  if [[ -f $deb822 ]] && grep -q '^Types: *deb *$' "$deb822"; then
    say "enabling deb-src in $deb822 (for busybox's source)"
    sed -i 's/^Types: *deb *$/Types: deb deb-src/' "$deb822"
  fi
  if [[ -f /etc/apt/sources.list ]] && grep -q '^deb ' /etc/apt/sources.list; then
    say "adding deb-src copies of /etc/apt/sources.list's entries (for busybox's source)"
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >/etc/apt/sources.list.d/rvhv-guest-src.list
  fi
  run apt-get update || die "apt-get update failed"
  [[ -n $(busybox_source_version) ]] || die "busybox's source package is still not known to apt"
fi

mapfile -t missing < <(missing_packages "${KEY_PACKAGES[@]}" "${TOOL_PACKAGES[@]}")
if ((${#missing[@]})); then
  need_root "installing ${missing[*]}" "apt-get install ${missing[*]}"
  say "installing ${missing[*]}"
  if ! run apt-get install -y --no-install-recommends "${missing[@]}"; then
    run apt-get update
    run apt-get install -y --no-install-recommends "${missing[@]}" ||
      die "apt-get install failed"
  fi
fi

# The sources or packages may have changed the key (new versions, new deb-src).
KEY=$(cache_key)
OUT=$CACHE_ROOT/$KEY
if built "$OUT"; then
  say "up to date ($OUT)"
  finish "$OUT" 1
  exit 0
fi
package_versions >"$WORK/versions.txt"
cat "$WORK/versions.txt" >>"$LOG"

# ---------- 2. kernel source ----------

phase "Linux source ($(dpkg-query -W -f '${Version}' linux-source-6.12))"
run tar -C "$WORK" -xf "$LINUX_TARBALL" || die "unpacking $LINUX_TARBALL failed"
KSRC=$WORK/linux-source-6.12
KOUT=$WORK/linux-build
mkdir -p "$KOUT"
# Fixed build identity: `uname -v` names rvhv, not the machine that built it.
KMAKE=(make -C "$KSRC" O="$KOUT" "${ARCH_MAKE[@]}" KBUILD_BUILD_USER=rvhv KBUILD_BUILD_HOST=rvhv)

# ---------- 3. kernel config ----------

phase "kernel config (tinyconfig + kernel.config)"

# check_config FRAGMENT CONFIG WHAT: every line of FRAGMENT must hold in CONFIG.
check_config() {
  local line sym bad=()
  while IFS= read -r line; do
    case $line in
      CONFIG_*=*) grep -qxF -- "$line" "$2" || bad+=("$line (got: $(grep -E "^(# )?${line%%=*}[= ]" "$2" || echo absent))") ;;
      "# CONFIG_"*" is not set")
        sym=${line#\# }
        sym=${sym%% *}
        ! grep -q "^$sym=" "$2" || bad+=("$line (got: $(grep "^$sym=" "$2"))")
        ;;
    esac
  done <"$1"
  if ((${#bad[@]})); then
    fail_line "these $3 options did not stick (unknown symbol, unmet dependency, or a choice/select overrides them):"
    for line in "${bad[@]}"; do fail_line "    $line"; done
    printf 'did not stick: %s\n' "${bad[@]}" >>"$LOG"
    die "fix $1"
  fi
}

run "${KMAKE[@]}" tinyconfig || die "make tinyconfig failed"
run "$KSRC/scripts/kconfig/merge_config.sh" -m -O "$KOUT" "$KOUT/.config" "$CONFIG_DIR/kernel.config" ||
  die "merging kernel.config failed"
run "${KMAKE[@]}" olddefconfig || die "make olddefconfig failed"
check_config "$CONFIG_DIR/kernel.config" "$KOUT/.config" kernel

# ---------- 4. kernel build ----------

phase "kernel build (make -j$JOBS Image)"
run_counted "$KERNEL_STEPS" "${KMAKE[@]}" -j"$JOBS" Image || die "kernel build failed"
# The kernel build leaves usr/gen_init_cpio (CONFIG_BLK_DEV_INITRD), which
# packs the initramfs without root, device nodes included.
[[ -x $KOUT/usr/gen_init_cpio ]] || die "the kernel build did not produce usr/gen_init_cpio"

# ---------- 5. busybox ----------

BB_VERSION=$(busybox_source_version)
phase "busybox (Debian source $BB_VERSION, static)"
mkdir -p "$WORK/busybox-src-pkg"
(cd "$WORK/busybox-src-pkg" && run apt-get source --download-only -o APT::Sandbox::User=root "busybox=$BB_VERSION") ||
  die "apt-get source busybox failed"
run dpkg-source -x "$WORK"/busybox-src-pkg/busybox_*.dsc "$WORK/busybox" || die "unpacking busybox's source failed"
BMAKE=(make -C "$WORK/busybox" CROSS_COMPILE=riscv64-linux-gnu-)
run "${BMAKE[@]}" defconfig || die "busybox defconfig failed"
# Replace each fragment symbol's line, then let oldconfig settle dependencies.
while IFS= read -r line; do
  case $line in
    CONFIG_*=*) sym=${line%%=*} ;;
    "# CONFIG_"*" is not set") sym=${line#\# } && sym=${sym%% *} ;;
    *) continue ;;
  esac
  sed -i -e "/^$sym=/d" -e "/^# $sym is not set\$/d" "$WORK/busybox/.config"
  echo "$line" >>"$WORK/busybox/.config"
done <"$CONFIG_DIR/busybox.config"
run "${BMAKE[@]}" oldconfig < <(yes "") || die "busybox oldconfig failed"
check_config "$CONFIG_DIR/busybox.config" "$WORK/busybox/.config" busybox
run_counted "$BUSYBOX_STEPS" "${BMAKE[@]}" -j"$JOBS" busybox busybox.links || die "busybox build failed"
if riscv64-linux-gnu-readelf -l "$WORK/busybox/busybox" | grep -q INTERP; then
  die "busybox is dynamically linked; CONFIG_STATIC did not take effect"
fi

# ---------- 6. initramfs ----------

phase "initramfs"
{
  cat "$CONFIG_DIR/initramfs.list"
  grep -v -E '^/bin/busybox$|^/sbin/(poweroff|reboot|halt)$' "$WORK/busybox/busybox.links" | while IFS= read -r applet; do
    echo "slink $applet /bin/busybox 0777 0 0"
  done
} >"$WORK/initramfs.list"
(
  export RVHV_GUEST_CONFIG=$CONFIG_DIR RVHV_GUEST_BUSYBOX=$WORK/busybox/busybox
  "$KOUT/usr/gen_init_cpio" "$WORK/initramfs.list" 2>>"$LOG" | gzip -9n >"$WORK/initramfs.cpio.gz"
) || die "packing the initramfs failed"

STAGE=$CACHE_ROOT/$KEY.partial
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp "$KOUT/arch/riscv/boot/Image" "$STAGE/Image"
cp "$WORK/initramfs.cpio.gz" "$STAGE/initramfs.cpio.gz"
cp "$KOUT/.config" "$STAGE/linux.config"
cp "$WORK/busybox/.config" "$STAGE/busybox.config"
elapsed=$((SECONDS - build_start))
echo "---- built in $elapsed s" >>"$LOG"
cp "$LOG" "$STAGE/build.log"
# versions.txt last: its presence marks a complete build.
cp "$WORK/versions.txt" "$STAGE/versions.txt"
rm -rf "$OUT"
mv "$STAGE" "$OUT"
[[ ${RVHV_GUEST_KEEP_WORK:-} == 1 ]] || rm -rf "$WORK"

say "built in $((elapsed / 60))m$((elapsed % 60))s"
finish "$OUT" 0
