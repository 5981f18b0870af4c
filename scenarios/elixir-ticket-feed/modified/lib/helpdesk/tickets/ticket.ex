defmodule Helpdesk.Tickets.Ticket do
  use Ecto.Schema
  import Ecto.Changeset

  @statuses ~w(new open pending closed)
  @priorities ~w(low normal high urgent)

  schema "tickets" do
    field :subject, :string
    field :body, :string
    field :status, :string, default: "new"
    field :priority, :string, default: "normal"
    field :confidential, :boolean, default: false
    field :internal_notes, :string
    field :org_id, :integer

    belongs_to :queue, Helpdesk.Tickets.Queue
    belongs_to :assignee, Helpdesk.Accounts.User

    timestamps(type: :utc_datetime)
  end

  def changeset(ticket, attrs) do
    ticket
    |> cast(attrs, [:subject, :body, :status, :priority, :confidential, :internal_notes, :assignee_id])
    |> validate_required([:subject, :status, :priority])
    |> validate_inclusion(:status, @statuses)
    |> validate_inclusion(:priority, @priorities)
  end
end
