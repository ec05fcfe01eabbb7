package refresh

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Lock is an exclusive flock(2) on a file: the single-flight guard shared
// by every `refresh` and `serve` process of a machine. The kernel releases
// it when the process dies, however it dies (SIGKILL included), so a stale
// lock cannot outlive its owner and needs no expiry.
type Lock struct {
	f    *os.File
	Path string
}

// ErrLocked: another process holds the lock.
var ErrLocked = errors.New("another refresh is running")

// TryLock takes the lock without waiting.
func TryLock(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		b, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			owner := strings.TrimSpace(string(b))
			if owner == "" {
				owner = "unknown"
			}
			return nil, fmt.Errorf("%w (lock %s held by %s)", ErrLocked, path, owner)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	host, _ := os.Hostname()
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte("pid "+strconv.Itoa(os.Getpid())+" on "+host+"\n"), 0)
	return &Lock{f: f, Path: path}, nil
}

// Unlock releases the lock.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
	return err
}

// DefaultLockPath is the lock file under the user cache folder.
func DefaultLockPath() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "eventgraph", "refresh.lock")
}
