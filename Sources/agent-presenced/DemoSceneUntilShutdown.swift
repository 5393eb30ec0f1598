import ServiceLifecycle

/// A demo scene that ends with the demo: at the group's graceful shutdown (`--seconds` ran
/// out, Ctrl-C) the scene is cancelled and skips what it has not done yet, instead of finishing
/// later, out of the group's shutdown order, which the group reports as an unexpected end.
struct DemoSceneUntilShutdown<Scene: Service>: Service {
    /// The scene itself.
    let scene: Scene

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await scene.run() }
    }
}
