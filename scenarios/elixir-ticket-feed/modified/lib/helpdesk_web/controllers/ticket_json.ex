defmodule HelpdeskWeb.TicketJSON do
  alias Helpdesk.Tickets.Ticket

  def index(%{tickets: tickets, meta: meta}) do
    %{data: for(ticket <- tickets, do: data(ticket)), meta: meta}
  end

  def show(%{ticket: ticket}) do
    %{data: data(ticket)}
  end

  defp data(%Ticket{} = ticket) do
    %{
      id: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      confidential: ticket.confidential,
      assignee: assignee(ticket.assignee),
      updated_at: ticket.updated_at
    }
  end

  defp assignee(nil), do: nil
  defp assignee(user), do: %{id: user.id, name: user.name}
end
