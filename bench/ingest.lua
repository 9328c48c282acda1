-- wrk script: POST Telegram updates with distinct update_ids (per thread ranges, seeded by the clock) to one bot.
-- update_id stays below 2^31 like Telegram's (Telegram.Bot reads it as an int).
-- BOT_SECRET (env) is the bot's webhook secret. 1,000 chats so the inbox looks like real traffic.
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  secret = os.getenv("BOT_SECRET")
  counter = tid * 1.05e9 + (os.time() % 100) * 1e7
end

request = function()
  counter = counter + 1
  local chat = 1000 + (counter % 1000)
  local body = string.format('{"update_id":%.0f,"message":{"message_id":1,"date":1700000000,"chat":{"id":%d,"type":"private","first_name":"B"},"from":{"id":%d,"is_bot":false,"first_name":"B"},"text":"/help"}}', counter, chat, chat)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["X-Telegram-Bot-Api-Secret-Token"] = secret }, body)
end
