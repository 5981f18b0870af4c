defmodule HelpdeskWeb.TicketControllerTest do
  use HelpdeskWeb.ConnCase, async: true

  import Helpdesk.Fixtures

  setup %{conn: conn} do
    agent = agent_fixture()
    queue = queue_fixture(agent)

    conn = put_req_header(conn, "authorization", "Bearer " <> agent.api_token)
    {:ok, conn: conn, agent: agent, queue: queue}
  end

  describe "GET /api/queues/:queue_id/tickets" do
    test "lists the open tickets of the queue, most recently updated first", %{conn: conn, queue: queue} do
      ticket_fixture(queue, %{subject: "Printer on fire"})
      ticket_fixture(queue, %{subject: "Old news", status: "closed"})

      conn = get(conn, ~p"/api/queues/#{queue.id}/tickets")

      assert [%{"subject" => "Printer on fire"}] = json_response(conn, 200)["data"]
    end

    test "hides confidential tickets from agents", %{conn: conn, queue: queue} do
      ticket_fixture(queue, %{subject: "Salary review", confidential: true})

      conn = get(conn, ~p"/api/queues/#{queue.id}/tickets")

      assert json_response(conn, 200)["data"] == []
    end

    test "returns 404 for a queue of another organisation", %{conn: conn} do
      other_queue = queue_fixture(agent_fixture())

      conn = get(conn, ~p"/api/queues/#{other_queue.id}/tickets")

      assert json_response(conn, 404) == %{"error" => "not_found"}
    end

    test "returns 429 once the agent is over the limit", %{conn: conn, queue: queue} do
      for _ <- 1..5 do
        assert conn |> get(~p"/api/queues/#{queue.id}/tickets") |> json_response(200)
      end

      conn = get(conn, ~p"/api/queues/#{queue.id}/tickets")

      assert json_response(conn, 429) == %{"error" => "rate_limited"}
    end
  end
end
