extension PresenceScheduler {
    /// The account a request was sent for, found again when its answer comes back.
    ///
    /// The index is valid while ``PresenceScheduler/accountLayout`` is unchanged; after a reload
    /// rearranged the accounts, the name finds the account again, or finds it removed.
    struct AccountTicket {
        /// The account's position when the request left.
        var index: Int
        /// The account's name.
        var name: String
        /// The layout the index belongs to.
        var layout: Int
    }

    /// The position of the ticket's account now, or `nil` when a reload removed it.
    func index(of ticket: AccountTicket) -> Int? {
        if ticket.layout == accountLayout { return ticket.index }
        return accounts.firstIndex { $0.name == ticket.name }
    }
}
