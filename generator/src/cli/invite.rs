//! `reviewroom invite`: one subcommand per thing done to an invite (docs/design.md §4). The
//! spellings before the subcommands still work: `invite SCENARIO --candidate NAME` mints, and
//! the hidden flags `--relink`, `--extend`, `--revoke`, `--reopen`, `--delete` each map to their
//! subcommand, one per command (clap refuses two, or one beside a new invite's arguments).

use clap::{Args, Subcommand};

use super::StoreArgs;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct InviteArgs {
    #[command(subcommand)]
    pub action: Option<InviteAction>,
    /// `invite SCENARIO --candidate NAME`: the same as `invite new`.
    #[command(flatten)]
    pub new: NewInviteArgs,
    #[command(flatten)]
    pub flags: OldFlags,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum InviteAction {
    /// Mint a candidate's link.
    New {
        #[command(flatten)]
        new: NewInviteArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// A new link for a lost one: the same invite id, a new token; the old link stops working.
    Relink(IdArgs),
    /// Push back the last moment to start: `extend ID 2d`.
    Extend {
        #[arg(value_name = "ID")]
        id: String,
        /// How much later, from that moment or from now when it has passed (e.g. 2d).
        #[arg(value_name = "DURATION")]
        by: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Refuse the invite's token from now on (its records stay).
    Revoke(IdArgs),
    /// Allow one more submission; a revoked invite becomes usable again.
    Reopen(IdArgs),
    /// Delete every record of the invite.
    Delete(IdArgs),
}

#[derive(Debug, Args, Default)]
pub struct NewInviteArgs {
    /// The scenario to invite to.
    pub scenario: Option<String>,
    #[arg(long)]
    pub candidate: Option<String>,
    /// An external id (ATS reference).
    #[arg(long = "ref")]
    pub reference: Option<String>,
    /// Last moment to start, from now (e.g. 7d).
    #[arg(long, default_value = "7d")]
    pub expires: String,
    /// Time box once started (e.g. 60m).
    #[arg(long)]
    pub time_limit: Option<String>,
}

#[derive(Debug, Args)]
pub struct IdArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The flags the subcommands replaced: hidden, at most one, never beside a new invite's
/// scenario or candidate.
#[derive(Debug, Args)]
#[group(multiple = false, conflicts_with_all = ["scenario", "candidate"])]
pub struct OldFlags {
    #[arg(long, value_name = "ID", hide = true)]
    pub relink: Option<String>,
    #[arg(long, num_args = 2, value_names = ["ID", "DURATION"], hide = true)]
    pub extend: Option<Vec<String>>,
    #[arg(long, value_name = "ID", hide = true)]
    pub revoke: Option<String>,
    #[arg(long, value_name = "ID", hide = true)]
    pub reopen: Option<String>,
    #[arg(long, value_name = "ID", hide = true)]
    pub delete: Option<String>,
}

/// What to do, whichever spelling asked for it.
#[derive(Debug)]
pub enum Change<'a> {
    New(&'a NewInviteArgs),
    Relink(&'a str),
    Extend(&'a str, &'a str),
    Revoke(&'a str),
    Reopen(&'a str),
    Delete(&'a str),
}

impl InviteArgs {
    /// The change asked for, the store flags that go with it, and the subcommand an old flag
    /// stands for (to say so).
    pub fn change(&self) -> (Change<'_>, &StoreArgs, Option<&'static str>) {
        match &self.action {
            Some(InviteAction::New { new, store }) => (Change::New(new), store, None),
            Some(InviteAction::Relink(a)) => (Change::Relink(&a.id), &a.store, None),
            Some(InviteAction::Extend { id, by, store }) => (Change::Extend(id, by), store, None),
            Some(InviteAction::Revoke(a)) => (Change::Revoke(&a.id), &a.store, None),
            Some(InviteAction::Reopen(a)) => (Change::Reopen(&a.id), &a.store, None),
            Some(InviteAction::Delete(a)) => (Change::Delete(&a.id), &a.store, None),
            None => (self.flags.change(&self.new), &self.store, self.flags.name()),
        }
    }
}

impl OldFlags {
    fn change<'a>(&'a self, new: &'a NewInviteArgs) -> Change<'a> {
        let f = self;
        // At most one is set (the group says so); `--extend` always has its two values.
        if let Some(id) = &f.relink {
            Change::Relink(id)
        } else if let Some([id, by]) = f.extend.as_deref() {
            Change::Extend(id, by)
        } else if let Some(id) = &f.revoke {
            Change::Revoke(id)
        } else if let Some(id) = &f.reopen {
            Change::Reopen(id)
        } else if let Some(id) = &f.delete {
            Change::Delete(id)
        } else {
            Change::New(new)
        }
    }

    fn name(&self) -> Option<&'static str> {
        [
            (self.relink.is_some(), "relink"),
            (self.extend.is_some(), "extend"),
            (self.revoke.is_some(), "revoke"),
            (self.reopen.is_some(), "reopen"),
            (self.delete.is_some(), "delete"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }
}
