//! Opens the configured review store (`[store]` of reviewroom.toml, flags over it) for the
//! commands that read or write invites: invite, invites, serve, export, compare, grade.

use std::sync::Arc;

use anyhow::{Context, Result, bail};
#[cfg(feature = "aws")]
use submit_fn::store::DynamoStore;
use submit_fn::store::{InviteState, ReviewStore, SqliteStore};

use crate::cli::StoreArgs;
use crate::config::{Project, StoreKind};

pub async fn open(project: &Project, args: &StoreArgs) -> Result<Arc<dyn ReviewStore>> {
    let config = args.resolve(project);
    let retention = project.config.retention_days;
    match config.kind {
        StoreKind::Sqlite => {
            project.state_dir()?;
            let path = project.path(&config.path);
            let store = SqliteStore::open(&path, retention)
                .with_context(|| format!("cannot open the review store {}", path.display()))?;
            Ok(Arc::new(store))
        }
        StoreKind::Dynamodb => open_dynamodb(&config, retention).await,
    }
}

#[cfg(feature = "aws")]
async fn open_dynamodb(
    config: &crate::config::StoreConfig,
    retention: Option<u32>,
) -> Result<Arc<dyn ReviewStore>> {
    let Some(table) = config.table.as_deref() else {
        bail!(
            "the dynamodb store needs a table: set [store] table in reviewroom.toml or pass --table"
        );
    };
    let store = DynamoStore::connect(
        table,
        config.region.as_deref(),
        config.endpoint_url.as_deref(),
        retention,
    )
    .await;
    if let Some(endpoint) = &config.endpoint_url {
        // A local DynamoDB-compatible server starts empty: make the table there.
        store
            .create_table()
            .await
            .with_context(|| format!("cannot create table {table} at {endpoint}"))?;
    }
    Ok(Arc::new(store))
}

/// Built with `--no-default-features` (the README's demo): no AWS SDK, so no DynamoDB.
#[cfg(not(feature = "aws"))]
async fn open_dynamodb(
    _config: &crate::config::StoreConfig,
    _retention: Option<u32>,
) -> Result<Arc<dyn ReviewStore>> {
    bail!(
        "this reviewroom was built without the `aws` feature (--no-default-features), so it has \
         no dynamodb store: build it with default features (`cargo install --path generator`)"
    )
}

/// A runtime for the synchronous CLI commands.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// The invite states `export` and `compare` read, with one store call: one invite's, or every
/// invite of `scenario` (of every scenario without one).
pub fn invite_states(
    project: &Project,
    args: &StoreArgs,
    scenario: Option<&str>,
    invite: Option<&str>,
) -> Result<Vec<InviteState>> {
    runtime()?.block_on(async {
        let store = open(project, args).await?;
        match invite {
            Some(id) => match store.load(id).await? {
                Some(state) => Ok(vec![state]),
                None => bail!("no invite {id} in the store"),
            },
            None => Ok(store.list(scenario).await?),
        }
    })
}
