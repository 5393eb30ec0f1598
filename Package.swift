// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "agent-presenced",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "agent-presenced", targets: ["agent-presenced"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        /// libsystemd (sd_notify, sd_watchdog_enabled, sd_journal_sendv), apt `libsystemd-dev`.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        /// glibc's malloc.h (mallopt, malloc_trim), for the daemon's heap trimming.
        .systemLibrary(name: "CMalloc"),
        /// The pure core: config model, schedule, state machine. No I/O.
        .target(
            name: "PresenceCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        /// The HTTP edge: Brevo's agentOnlinePing over a lean SwiftNIO HTTP/1.1 keep-alive client
        /// (one pool per endpoint, CA set and proxy), and the transports and AsyncHTTPClient pools
        /// the Broker edge uses.
        .target(
            name: "BrevoAPI",
            dependencies: [
                "PresenceCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        /// The Broker edge: a bot's test conversation (OAuth2 token, start, close) over BrevoAPI's HTTP stack.
        .target(
            name: "BrokerAPI",
            dependencies: [
                "PresenceCore",
                "BrevoAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        /// Local stand-ins of Brevo's endpoint and of a bot's Broker API, with fault injection
        /// (demo, tests, benchmarks).
        .target(
            name: "BrevoStandIn",
            dependencies: [
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        /// The cluster edge: the lease row in PostgreSQL (issue 14), one statement at a time.
        .target(
            name: "ClusterLease",
            dependencies: [
                "PresenceCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The metrics edge: the Prometheus series (swift-metrics, swift-prometheus) and their listener.
        .target(
            name: "PresenceMetrics",
            dependencies: [
                "PresenceCore",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The local control API's transport: HTTP/1.1 + JSON on Unix sockets, and its client.
        .target(
            name: "ControlAPI",
            dependencies: [
                "PresenceCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The systemd edge: sd_notify, watchdog, log handlers.
        .target(
            name: "SystemdSupport",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The runtime: config files, Dispatch timers, pinger, status file, lifecycle.
        .target(
            name: "PresenceDaemon",
            dependencies: [
                "PresenceCore",
                "BrevoAPI",
                "BrokerAPI",
                "ClusterLease",
                "ControlAPI",
                "PresenceMetrics",
                "SystemdSupport",
                "CMalloc",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        /// The command line.
        .executableTarget(
            name: "agent-presenced",
            dependencies: [
                "PresenceDaemon",
                "PresenceMetrics",
                "PresenceCore",
                "BrevoAPI",
                "BrokerAPI",
                "BrevoStandIn",
                "ControlAPI",
                "SystemdSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        /// The benchmark: the real daemon and the stand-in as child processes (issue 6).
        .executableTarget(
            name: "presence-bench",
            dependencies: ["PresenceDaemon", "PresenceCore", "BrevoStandIn", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The reference pinger of --peer, run with the system's Python, found next to the sources.
            exclude: ["peer"]
        ),
        .testTarget(name: "PresenceCoreTests", dependencies: ["PresenceCore"]),
        /// A plain HTTP/1.1 client for the HTTP edges' tests (requests the real clients never send),
        /// free ports, a throwaway CA made with openssl, and a real forward proxy (tinyproxy).
        .target(name: "HTTPTestSupport", dependencies: ["BrevoStandIn"], path: "Tests/HTTPTestSupport"),
        .testTarget(
            name: "BrevoAPITests",
            dependencies: [
                "BrevoAPI", "BrevoStandIn", "PresenceCore", "HTTPTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PresenceMetricsTests", dependencies: ["PresenceMetrics", "PresenceCore", "HTTPTestSupport"]),
        .testTarget(name: "BrokerAPITests", dependencies: ["BrokerAPI", "BrevoAPI", "BrevoStandIn", "PresenceCore", "HTTPTestSupport"]),
        .testTarget(
            name: "ControlAPITests",
            dependencies: [
                "ControlAPI",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ClusterLeaseTests",
            dependencies: [
                "ClusterLease",
                "PresenceCore",
                "PostgresTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SystemdSupportTests", dependencies: ["SystemdSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "PresenceDaemonTests", dependencies: [
            "PresenceDaemon", "PresenceCore", "BrevoStandIn", "BrevoAPI", "BrokerAPI", .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        /// A throwaway PostgreSQL server and a TCP relay that cuts and stalls, for the cluster tests.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "ClusterLease",
                "BrevoStandIn",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/PostgresTestSupport"
        ),
        .testTarget(name: "AgentPresencedTests", dependencies: ["BrevoStandIn", "PresenceCore", "PostgresTestSupport", "HTTPTestSupport"]),
    ]
)
