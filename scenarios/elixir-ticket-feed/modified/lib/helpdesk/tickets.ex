defmodule Helpdesk.Tickets do
  @moduledoc """
  Queues and their tickets. Every read is scoped to the agent's organisation, and
  confidential tickets are only visible to supervisors.
  """
  import Ecto.Query

  alias Helpdesk.Repo
  alias Helpdesk.Tickets.{Queue, Ticket}

  def fetch_queue(user, queue_id) do
    query = from q in Queue, where: q.id == ^queue_id and q.org_id == ^user.org_id

    case Repo.one(query) do
      nil -> {:error, :not_found}
      queue -> {:ok, queue}
    end
  end

  @doc """
  One page of a queue's tickets and the number of tickets across all pages.

  Options: `:page` (from 1), `:per_page`, `:sort` (a ticket field, newest first)
  and `:include_closed` (closed tickets are left out unless it is true).
  """
  def list_tickets(user, %Queue{} = queue, opts \\ []) do
    page = Keyword.get(opts, :page, 1)
    per_page = Keyword.get(opts, :per_page, 25)
    sort = Keyword.get(opts, :sort, :updated_at)

    query =
      Ticket
      |> where([t], t.queue_id == ^queue.id and t.org_id == ^user.org_id)
      |> filter_closed(Keyword.get(opts, :include_closed, false))
      |> visible_to(user)

    entries =
      query
      |> order_by([t], desc: field(t, ^sort))
      |> limit(^per_page)
      |> offset(^((page - 1) * per_page))
      |> preload(:assignee)
      |> Repo.all()

    %{entries: entries, total: Repo.aggregate(query, :count)}
  end

  @doc "Queues that have at least one ticket that is not closed."
  def active_queues do
    Queue
    |> join(:inner, [q], t in Ticket, on: t.queue_id == q.id and t.status != "closed")
    |> where([q], q.archived == false)
    |> distinct(true)
    |> Repo.all()
  end

  def fetch_ticket(user, id) do
    query =
      Ticket
      |> where([t], t.id == ^id and t.org_id == ^user.org_id)
      |> visible_to(user)
      |> preload(:assignee)

    case Repo.one(query) do
      nil -> {:error, :not_found}
      ticket -> {:ok, ticket}
    end
  end

  def update_ticket(%Ticket{} = ticket, attrs) do
    ticket
    |> Ticket.changeset(attrs)
    |> Repo.update()
  end

  @doc "Open tickets per queue id, for the queue sidebar."
  def open_ticket_counts do
    Ticket
    |> where([t], t.status != "closed")
    |> group_by([t], t.queue_id)
    |> select([t], {t.queue_id, count(t.id)})
    |> Repo.all()
  end

  defp filter_closed(query, true), do: query
  defp filter_closed(query, false), do: where(query, [t], t.status != "closed")

  defp visible_to(query, %{role: :supervisor}), do: query
  defp visible_to(query, _user), do: where(query, [t], t.confidential == false)
end
