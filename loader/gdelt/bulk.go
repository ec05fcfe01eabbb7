package gdelt

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultBatchSize is the rows per UNWIND batch of the bulk writer
// (measured: see docs/benchmarks.md and Bench).
const DefaultBatchSize = 1000

// DefaultWorkers is the number of concurrent write transactions.
const DefaultWorkers = 2

// BulkWriter runs write statements of the form `UNWIND $rows AS row …`
// over many rows: the rows are cut into batches, each batch is one
// transaction (ExecuteWrite, which retries transient errors such as
// deadlocks and leader switches; the statements must be idempotent so that
// a retried batch is harmless), and the batches are spread over Workers
// concurrent sessions.
//
// Concurrency without lock fights: a Phase may give every row a partition
// key; all rows with the same key go to the same worker, so two concurrent
// transactions never lock the node that key names. Keys are dealt to the
// workers largest group first (longest-processing-time), which keeps a hot
// key (a country that takes part in a third of the events) from unbalancing
// the workers more than it must.
//
// BulkWriter is generic (it knows nothing of GDELT) and safe for concurrent
// use; Retries and Batches count over its lifetime.
type BulkWriter struct {
	Driver    neo4j.DriverWithContext
	Database  string
	BatchSize int // rows per transaction (default DefaultBatchSize)
	Workers   int // concurrent transactions (default DefaultWorkers)

	retries atomic.Int64
	batches atomic.Int64
}

// Phase is one statement run over N rows.
type Phase struct {
	Name  string // for errors (the query's name)
	Query string // UNWIND $rows AS … statement
	N     int
	// Row builds the parameter map of row i (called once per row, from the
	// worker that sends it); a batch is sent as $rows, a list of them.
	Row func(i int) map[string]any
	// Batch, when set, replaces Row: it builds the parameters of one batch
	// from its row numbers (e.g. one list per column, which the server
	// decodes faster than a map per row). Called from the worker that sends
	// the batch, once per batch (not again when the driver retries it).
	Batch func(rows []int) map[string]any
	// Partition returns row i's partition key; nil or "" spreads rows
	// freely (use it for statements whose rows lock only their own node).
	Partition func(i int) string
	// Params are extra statement parameters.
	Params map[string]any
	// Collect, when set, receives the records a batch returned, once the
	// batch has committed (not those of an attempt the driver retried).
	// Workers call it concurrently.
	Collect func(recs []*neo4j.Record)
}

// Retries is how many batch transactions were retried (deadlocks and other
// transient errors).
func (b *BulkWriter) Retries() int64 { return b.retries.Load() }

// Batches is how many batch transactions committed.
func (b *BulkWriter) Batches() int64 { return b.batches.Load() }

func (b *BulkWriter) batchSize() int {
	if b.BatchSize <= 0 {
		return DefaultBatchSize
	}
	return b.BatchSize
}

func (b *BulkWriter) workers() int {
	if b.Workers <= 0 {
		return DefaultWorkers
	}
	return b.Workers
}

// Plan splits rows 0..n-1 over w workers by partition key. Rows keep their
// input order inside a worker.
func Plan(n, w int, part func(i int) string) [][]int {
	out := make([][]int, w)
	if w == 1 || n == 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		out[0] = all
		return out
	}
	if part == nil {
		// contiguous stripes of rows
		for i := 0; i < n; i++ {
			out[i*w/n] = append(out[i*w/n], i)
		}
		return out
	}
	type group struct {
		key  string
		rows []int
	}
	idx := map[string]int{}
	var groups []*group
	for i := 0; i < n; i++ {
		k := part(i)
		if k == "" {
			k = fmt.Sprintf("\x00row%d", i)
		}
		g, ok := idx[k]
		if !ok {
			g = len(groups)
			idx[k] = g
			groups = append(groups, &group{key: k})
		}
		groups[g].rows = append(groups[g].rows, i)
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if len(groups[a].rows) != len(groups[b].rows) {
			return len(groups[a].rows) > len(groups[b].rows)
		}
		return hash(groups[a].key) < hash(groups[b].key)
	})
	load := make([]int, w)
	owner := make([]int, len(groups))
	for gi, g := range groups {
		best := 0
		for k := 1; k < w; k++ {
			if load[k] < load[best] {
				best = k
			}
		}
		load[best] += len(g.rows)
		owner[gi] = best
	}
	// Emit rows in input order within each worker.
	rowOwner := make([]int32, n)
	for gi, g := range groups {
		for _, i := range g.rows {
			rowOwner[i] = int32(owner[gi])
		}
	}
	for i := 0; i < n; i++ {
		out[rowOwner[i]] = append(out[rowOwner[i]], i)
	}
	return out
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Run writes the phase's rows and returns the first error (the other
// workers stop at their next batch). It respects ctx.
func (b *BulkWriter) Run(ctx context.Context, p Phase) error {
	if p.N == 0 {
		return nil
	}
	w := b.workers()
	if p.Partition == nil && w > 1 {
		// Without partition keys, several workers only help when each batch
		// is independent; that is the caller's promise.
		w = min(w, (p.N+b.batchSize()-1)/b.batchSize())
	}
	plan := Plan(p.N, w, p.Partition)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for _, rows := range plan {
		if len(rows) == 0 {
			continue
		}
		wg.Add(1)
		go func(rows []int) {
			defer wg.Done()
			if err := b.runWorker(ctx, p, rows); err != nil {
				cancel(err)
			}
		}(rows)
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	return nil
}

func (b *BulkWriter) runWorker(ctx context.Context, p Phase, rows []int) error {
	// Writes go to the leader in a cluster (AccessModeWrite); the shared
	// bookmark manager makes later ExecuteQuery reads see them.
	sess := b.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: b.Database, AccessMode: neo4j.AccessModeWrite,
		BookmarkManager: b.Driver.ExecuteQueryBookmarkManager()})
	defer sess.Close(context.WithoutCancel(ctx))
	size := b.batchSize()
	for start := 0; start < len(rows); start += size {
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		part := rows[start:min(start+size, len(rows))]
		var params map[string]any
		if p.Batch != nil {
			params = p.Batch(part)
		} else {
			batch := make([]map[string]any, len(part))
			for j, i := range part {
				batch[j] = p.Row(i)
			}
			params = map[string]any{"rows": batch}
		}
		for k, v := range p.Params {
			params[k] = v
		}
		attempts := 0
		recs, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			attempts++
			res, err := tx.Run(ctx, p.Query, params)
			if err != nil {
				return nil, err
			}
			if p.Collect != nil {
				return res.Collect(ctx)
			}
			_, err = res.Consume(ctx)
			return nil, err
		})
		if attempts > 1 {
			b.retries.Add(int64(attempts - 1))
		}
		if err != nil {
			return fmt.Errorf("%s: batch of %d rows: %w", p.Name, len(part), err)
		}
		b.batches.Add(1)
		if p.Collect != nil {
			p.Collect(recs.([]*neo4j.Record))
		}
	}
	return nil
}
