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

  def list_open_tickets(user, %Queue{} = queue) do
    Ticket
    |> where([t], t.queue_id == ^queue.id and t.org_id == ^user.org_id)
    |> where([t], t.status != "closed")
    |> visible_to(user)
    |> order_by([t], desc: t.updated_at, desc: t.id)
    |> preload(:assignee)
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

  defp visible_to(query, %{role: :supervisor}), do: query
  defp visible_to(query, _user), do: where(query, [t], t.confidential == false)
end
