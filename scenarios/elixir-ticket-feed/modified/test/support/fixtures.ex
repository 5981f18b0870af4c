defmodule Helpdesk.Fixtures do
  @moduledoc """
  Agents, queues and tickets for tests.
  """
  alias Helpdesk.Repo
  alias Helpdesk.Accounts.User
  alias Helpdesk.Tickets.{Queue, Ticket}

  def agent_fixture(attrs \\ %{}) do
    token = Base.url_encode64(:crypto.strong_rand_bytes(24))

    user =
      Repo.insert!(%User{
        name: Map.get(attrs, :name, "Agent #{System.unique_integer([:positive])}"),
        email: "agent#{System.unique_integer([:positive])}@example.com",
        org_id: Map.get(attrs, :org_id, System.unique_integer([:positive])),
        role: Map.get(attrs, :role, :agent),
        api_token_hash: User.hash_token(token)
      })

    %{user | api_token: token}
  end

  def queue_fixture(%User{} = user, attrs \\ %{}) do
    Repo.insert!(%Queue{name: Map.get(attrs, :name, "Support"), org_id: user.org_id})
  end

  def ticket_fixture(%Queue{} = queue, attrs \\ %{}) do
    Repo.insert!(%Ticket{
      subject: Map.get(attrs, :subject, "Cannot log in"),
      status: Map.get(attrs, :status, "open"),
      priority: Map.get(attrs, :priority, "normal"),
      confidential: Map.get(attrs, :confidential, false),
      org_id: queue.org_id,
      queue_id: queue.id
    })
  end
end
