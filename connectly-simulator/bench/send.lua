-- wrk script: one session text message per request to a customer whose 24-hour window is open
-- (run-wrk.sh opens it first). Usage: wrk -t2 -c64 -d10s -s send.lua http://127.0.0.1:PORT/v1/businesses/sim-business/send/messages
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("SIM_API_KEY") or "sim-api-key"
wrk.body = '{"sender":{"id":"+14155550100","channelType":"whatsapp"},'
        .. '"recipient":{"id":"+16045550123","channelType":"whatsapp"},'
        .. '"message":{"text":"Hi Ana, your parcel A-1001 left our warehouse today."},'
        .. '"callbackData":{"orderId":"A-1001"}}'
