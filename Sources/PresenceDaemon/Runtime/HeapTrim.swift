#if canImport(CMalloc)
import CMalloc
#endif

/// Keeps the C heap from holding on to memory the daemon no longer uses.
///
/// Loading a large roster makes millions of short-lived allocations (the YAML tree) between
/// long-lived ones (the roster); glibc keeps the freed pages, so without help a 100,000-agent
/// daemon stays as large as its load's peak for good. Large blocks (the roster array, its
/// status snapshots) get their own mappings so that freeing them returns the memory at once,
/// and one heap serves every thread: with a heap per thread, the pings' allocations on the
/// event loop and the scheduler's on Dispatch threads each kept their own free memory
/// (measured at 100,000 agents: 150 MB resident with two heaps, 125 MB with one, same CPU).
public enum HeapTrim {
    /// Blocks at least this large are mapped on their own instead of carved from the heap.
    static let ownMappingThreshold: Int32 = 128 * 1024

    /// Fixes the size from which blocks get their own mapping (glibc raises it by itself after
    /// freeing large blocks, which is what lets the heap keep them) and keeps one heap for all
    /// threads, as the unit's `MALLOC_ARENA_MAX=1` does for threads started before this call.
    /// Call once, first thing.
    public static func configure() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, ownMappingThreshold)
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }

    /// Gives free heap pages back to the system: after a config load or a reload.
    public static func returnFreeMemory() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }
}
