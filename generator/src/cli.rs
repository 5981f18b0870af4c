//! The command line, one clap derive per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{Project, StoreConfig, StoreKind};

mod invite;

pub use invite::{Change, InviteArgs, NewInviteArgs};

#[derive(Debug, Parser)]
#[command(
    name = "reviewroom",
    version,
    about = "Code-review interviews with no setup"
)]
pub struct Cli {
    /// The project folder holding reviewroom.toml, scenarios/ and .reviewroom/.
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// Print only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile every scenario into the static site.
    Build(BuildArgs),
    /// Validate scenarios without writing anything.
    Check(CheckArgs),
    /// Scaffold a new scenario folder.
    New(NewArgs),
    /// Build if needed, then serve the site and the API locally.
    Serve(ServeArgs),
    /// Mint or manage a candidate's invite.
    Invite(Box<InviteArgs>),
    /// List invites and their state.
    Invites(InvitesArgs),
    /// Export reviews, scored against the answer key.
    Export(ExportArgs),
    /// Grade one invite's review in a local page: confirm scoring, mark issues, recommend.
    Grade(GradeArgs),
    /// Put every candidate on one scenario side by side.
    Compare(CompareArgs),
    /// Write the interviewer's scenario catalog (never under dist/).
    Catalog(CatalogArgs),
    /// Manage the path secret.
    Secret(SecretArgs),
    /// Measure scoring on the labelled set: pair precision, recall, F1, new and old rule.
    EvalScoring(EvalScoringArgs),
    /// Build if needed, upload the site to the stack's S3 bucket, invalidate its CloudFront pages.
    #[cfg(feature = "publish")]
    Publish(PublishArgs),
}

#[derive(Debug, Args, Clone)]
pub struct BuildArgs {
    /// Output folder (default: reviewroom.toml's out_dir, else dist).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Folder of scenario folders.
    #[arg(long)]
    pub scenarios: Option<PathBuf>,
    /// Theme folder overriding the embedded default file by file.
    #[arg(long)]
    pub theme: Option<PathBuf>,
    /// Build with a path secret other than the last build's, moving every scenario to a new
    /// address (the links already sent stop working); refused without this flag.
    #[arg(long)]
    pub new_secret: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A scenario folder, or a folder of scenario folders (default: scenarios/).
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's slug ([a-z0-9-]+).
    pub slug: String,
    /// Folder of scenario folders.
    #[arg(long)]
    pub scenarios: Option<PathBuf>,
}

/// Where reviews are stored; overrides reviewroom.toml's [store].
#[derive(Debug, Args, Clone, Default)]
pub struct StoreArgs {
    #[arg(long, value_enum)]
    pub store: Option<StoreKind>,
    /// DynamoDB table name.
    #[arg(long)]
    pub table: Option<String>,
    /// AWS region of the DynamoDB table.
    #[arg(long)]
    pub region: Option<String>,
}

impl StoreArgs {
    /// The project's `[store]` with these flags over it: `--store`, `--table` and `--region`
    /// win over the file.
    pub fn resolve(&self, project: &Project) -> StoreConfig {
        let mut config = project.config.store.clone();
        if let Some(kind) = self.store {
            config.kind = kind;
        }
        if let Some(table) = &self.table {
            config.table = Some(table.clone());
        }
        if let Some(region) = &self.region {
            config.region = Some(region.clone());
        }
        config
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Print a demo invite's link for the first scenario: the last one while it is still open,
    /// else a new 7-day one (loopback only;
    /// refused on a DynamoDB table).
    #[arg(long)]
    pub demo: bool,
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub build: BuildArgs,
}

/// Where and how to publish; the bucket and distribution come from `--stack` or `[publish]`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The deployed CloudFormation stack: its BucketName and DistributionId outputs.
    #[arg(long)]
    pub stack: Option<String>,
    /// AWS region of the bucket and stack (default: [publish] region, else the AWS config).
    #[arg(long)]
    pub region: Option<String>,
    /// Print what would be uploaded, deleted and invalidated; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Also delete old assets that neither this build nor any current page uses.
    #[arg(long)]
    pub prune_assets: bool,
    #[command(flatten)]
    pub build: BuildArgs,
}

#[derive(Debug, Args)]
pub struct InvitesArgs {
    #[arg(long)]
    pub scenario: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Every review of this scenario.
    #[arg(long, conflicts_with_all = ["invite", "all"])]
    pub scenario: Option<String>,
    /// One invite's review, by invite id (as `reviewroom invites` lists them).
    #[arg(long, conflicts_with = "all")]
    pub invite: Option<String>,
    /// Every review in the store.
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// The invite whose review to grade.
    pub invite: String,
    /// Who grades (the grade is stored under this name; default: the login name).
    #[arg(long)]
    pub grader: Option<String>,
    /// Port on 127.0.0.1 (default: any free one).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    pub scenario: String,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ExportFormat,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct CatalogArgs {
    /// Output folder (default .reviewroom/catalog/).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Which half of the labelled set to evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalHalf {
    Tune,
    Heldout,
    Both,
}

#[derive(Debug, Args)]
pub struct EvalScoringArgs {
    /// The labelled set: a folder with tune/ and heldout/.
    #[arg(long, default_value = "eval/scoring")]
    pub set: PathBuf,
    #[arg(long, value_enum, default_value = "both")]
    pub half: EvalHalf,
    /// List the comments where scoring and labels disagree (tune half only: the held-out
    /// half is for reporting, not for reading).
    #[arg(long)]
    pub disagreements: bool,
    /// Refit the decision on the tune half and print its weights, with the five-fold
    /// cross-validated figures of each credit probability; exits non-zero when the committed
    /// decision is not this fit.
    #[arg(long, conflicts_with_all = ["half", "disagreements", "min_precision", "min_recall"])]
    pub fit: bool,
    /// Print the evidence the decision weighs for one tune comment, issue by issue (every
    /// issue it shares a term with or is labelled with), with the probability of each.
    #[arg(long, value_name = "COMMENT_ID", conflicts_with_all = ["half", "disagreements", "fit", "min_precision", "min_recall"])]
    pub explain: Option<String>,
    /// Write the tune half's rows (every comment or summary paragraph against every issue:
    /// the decision's inputs, the label, the text) to FILE as JSON lines, for trying an
    /// outside model's inputs beside them (eval/scoring/embedding_check.py).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["half", "disagreements", "fit", "explain", "min_precision", "min_recall", "reviewer"])]
    pub rows: Option<PathBuf>,
    /// Exit non-zero when the tune half's precision or recall falls below these.
    #[arg(long, value_name = "P")]
    pub min_precision: Option<f64>,
    #[arg(long, value_name = "R")]
    pub min_recall: Option<f64>,
    /// Count only the comments of these reviewers, named by the last part of their id
    /// (`d` for `<scenario>--d`): a later batch measured alone, as its README figure was.
    #[arg(long, value_name = "SUFFIX", value_delimiter = ',', conflicts_with_all = ["fit", "explain", "min_precision", "min_recall"])]
    pub reviewer: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SecretArgs {
    #[command(subcommand)]
    pub action: SecretAction,
}

#[derive(Debug, Subcommand)]
pub enum SecretAction {
    /// Print a fresh path secret (32 random bytes, base64).
    New,
}
