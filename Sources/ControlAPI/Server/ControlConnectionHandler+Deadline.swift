import NIOCore

extension ControlConnectionHandler {
    /// Gives the client the request timeout to send a whole request (head and body), from
    /// the moment the connection opened or its last answer was written.
    ///
    /// A deadline for the whole request, not an idle timer reset by every byte: a slowloris
    /// client sending one byte a second would keep an idle timer alive forever.
    func armDeadline(context: ChannelHandlerContext) {
        cancelDeadline()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: settings.requestTimeout) {
            self.deadlinePassed(context: context)
        }
    }

    func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    /// A connection that has been answered before and sent nothing since is simply closed
    /// (an idle keep-alive); one that never got an answer, or is midway through a request,
    /// is told 408 first.
    private func deadlinePassed(context: ChannelHandlerContext) {
        deadline = nil
        guard isActive else { return }
        switch state {
        case .idle where answered > 0:
            context.close(promise: nil)
        case .idle, .receiving:
            settings.logger.debug("control connection timed out before completing a request")
            answerAndClose(.error(408, "the request did not arrive in time"), context: context)
        case .answering, .closing:
            break
        }
    }
}
