// Command parley-devdb is Parley's embedded development database: FerretDB's
// embeddable package with the SQLite handler, so development and tests talk to a
// real MongoDB wire-protocol server without Docker.
//
// It prints one JSON line {"uri": "..."} on stdout once it accepts connections
// (the launcher reads it, so the port can be chosen by the OS) and exits cleanly
// on SIGTERM or SIGINT.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", ".data/devdb", "directory for the SQLite database files")
	logLevel := flag.String("log-level", "error", "log level: debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", false, "exit when standard input closes (the parent process died)")
	synchronous := flag.String("synchronous", "normal", "SQLite synchronous mode: normal (no fsync per write; a power loss may drop the last writes, a crash of any process does not) or full")
	flag.Parse()

	if *synchronous != "normal" && *synchronous != "full" {
		fmt.Fprintf(os.Stderr, "parley-devdb: -synchronous must be normal or full, not %q\n", *synchronous)
		os.Exit(2)
	}
	if err := run(*listen, *dataDir, *logLevel, *watchStdin, *synchronous); err != nil {
		fmt.Fprintf(os.Stderr, "parley-devdb: %v\n", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, logLevel string, watchStdin bool, synchronous string) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(abs, 0o750); err != nil {
		return fmt.Errorf("cannot create data directory: %w", err)
	}
	// Two servers on one SQLite folder would corrupt it: the second one is refused.
	lock, err := lockDataDir(abs)
	if err != nil {
		return err
	}
	defer lock.Close()

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		// FerretDB adds WAL mode and a busy timeout; synchronous is ours to choose.
		SQLiteURL: "file:" + filepath.ToSlash(abs) + "/?_pragma=synchronous(" + synchronous + ")",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if watchStdin {
		// The launcher holds the other end of stdin: when it dies, even by SIGKILL, the
		// pipe closes and the database stops instead of outliving it.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the TCP listener is bound, so the URI carries the real port.
	line, err := json.Marshal(map[string]string{"uri": f.MongoDBURI()})
	if err != nil {
		return err
	}
	fmt.Println(string(line))

	return <-done
}

// lockDataDir takes an exclusive lock on dir/parley-devdb.lock for the life of the process
// (the kernel drops it when the process dies) and records the pid for the error message.
func lockDataDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, "parley-devdb.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		owner, _ := io.ReadAll(f)
		f.Close()
		pid := strings.TrimSpace(string(owner))
		if pid == "" {
			pid = "unknown"
		}
		return nil, fmt.Errorf("the data folder %s is in use by another parley-devdb (pid %s); stop it, or use another DATA_DIR", dir, pid)
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return f, nil
}
